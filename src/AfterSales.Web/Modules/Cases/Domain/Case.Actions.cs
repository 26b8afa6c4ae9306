namespace AfterSales.Web.Modules.Cases.Domain;

public sealed partial class Case
{
    /// <summary>Agreement: 仅退款 starts the refund; a return, exchange or repair awaits the goods at the address given (else the shop's).</summary>
    public void Agree(Actor actor, DateTimeOffset now, Shops.Domain.ReturnAddress? returnAddress = null)
    {
        Guard(CaseAction.Agree, actor);
        if (Type == CaseType.RefundOnly)
        {
            // 仅退款: agreement is the decision to pay what was asked.
            CheckRefundable(RequestedAmount);
            Append(actor, now, "agreed", CaseStatus.Refunding);
            StartRefund(RequestedAmount, actor, now);
            return;
        }
        ApprovedAmount = RequestedAmount;
        AwaitReturnTo(returnAddress);
        Append(actor, now, "agreed", CaseStatus.AwaitingReturn);
    }

    public void Refuse(string reason, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Refuse, actor);
        Require("reason", reason);
        Append(actor, now, "refused", CaseStatus.Refused, new() { ["reason"] = reason });
    }

    public void ShipReturn(string carrier, string waybill, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.ShipReturn, actor);
        Require("carrier", carrier);
        waybill = CheckWaybill(waybill);
        Append(actor, now, "return_shipped", CaseStatus.ReturnInTransit, new() { ["carrier"] = carrier, ["waybill"] = waybill });
    }

    public void ConfirmReceipt(Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.ConfirmReceipt, actor);
        Append(actor, now, "return_received", CaseStatus.ReturnReceived);
    }

    /// <summary>A failed inspection (goods not intact, wrong goods) goes to the platform with the merchant's notes.</summary>
    public void Inspect(bool passed, string? notes, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Inspect, actor);
        var data = new Dictionary<string, object?> { ["passed"] = passed, ["notes"] = notes };
        if (!passed)
        {
            ReviewOrigin = Domain.ReviewOrigin.FailedInspection;
            Append(actor, now, "inspection_failed", CaseStatus.PlatformReview, data);
            return;
        }
        if (Type == CaseType.Exchange)
        {
            Append(actor, now, "inspection_passed", null, data);
            return;
        }
        var amount = ApprovedAmount > 0 ? ApprovedAmount : RequestedAmount;
        CheckRefundable(amount);
        Append(actor, now, "inspection_passed", CaseStatus.Refunding, data);
        StartRefund(amount, actor, now);
    }

    /// <summary>Repair diagnosis: repair or replace and ship back, or refund where 三包 allows.</summary>
    public void Diagnose(string outcome, string? notes, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Diagnose, actor);
        var data = new Dictionary<string, object?> { ["outcome"] = outcome, ["notes"] = notes };
        switch (outcome)
        {
            case "repair" or "replace":
                Append(actor, now, "diagnosed", CaseStatus.Repairing, data);
                break;
            case "refund":
                CheckRefundable(MaxRefund);
                Append(actor, now, "diagnosed", CaseStatus.Refunding, data);
                StartRefund(MaxRefund, actor, now);
                break;
            default:
                throw Invalid("outcome", "repair|replace|refund");
        }
    }

    public void Refund(decimal amount, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Refund, actor);
        CheckRefundable(amount);
        if (Status != CaseStatus.Refunding) Append(actor, now, "refund_decided", CaseStatus.Refunding, new() { ["amount"] = amount });
        else if (amount != ApprovedAmount - RefundedAmount)
            // A failed refund is retried for the same amount: never two live refunds for one amount.
            throw new DomainException("refund.retry_amount_mismatch", null, new Dictionary<string, object?> { ["expected"] = ApprovedAmount - RefundedAmount });
        StartRefund(amount, actor, now);
    }

    public void ShipReplacement(string carrier, string waybill, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.ShipReplacement, actor);
        Require("carrier", carrier);
        waybill = CheckWaybill(waybill);
        Append(actor, now, "replacement_shipped", CaseStatus.ReplacementShipped, new() { ["carrier"] = carrier, ["waybill"] = waybill });
    }

    public void ConfirmReplacement(Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.ConfirmReplacement, actor);
        Append(actor, now, "replacement_confirmed", CaseStatus.Closed);
    }

    public void Appeal(string reason, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Appeal, actor);
        Require("reason", reason);
        ReviewOrigin = Domain.ReviewOrigin.Refusal;
        Append(actor, now, "appealed", CaseStatus.PlatformReview, new() { ["reason"] = reason });
    }

    /// <summary>平台介入 ruling: for the consumer the case goes back into the flow; for the merchant it closes.</summary>
    public void Rule(string outcome, string? notes, decimal? amount, Actor actor, DateTimeOffset now,
        Shops.Domain.ReturnAddress? returnAddress = null)
    {
        Guard(CaseAction.Rule, actor);
        var data = new Dictionary<string, object?> { ["outcome"] = outcome, ["notes"] = notes, ["amount"] = amount };
        if (outcome == "merchant")
        {
            Append(actor, now, "ruled", CaseStatus.Closed, data);
            return;
        }
        if (outcome != "consumer") throw Invalid("outcome", "consumer|merchant");
        var refundNow = ReviewOrigin == Domain.ReviewOrigin.FailedInspection || Type == CaseType.RefundOnly;
        if (refundNow && Type is CaseType.RefundOnly or CaseType.ReturnRefund)
        {
            CheckRefundable(amount ?? RequestedAmount);
            Append(actor, now, "ruled", CaseStatus.Refunding, data);
            StartRefund(amount ?? RequestedAmount, actor, now);
            return;
        }
        if (ReviewOrigin == Domain.ReviewOrigin.FailedInspection)
        {
            // An exchange or repair whose returned goods the platform accepts continues as received.
            Append(actor, now, "ruled", CaseStatus.ReturnReceived, data);
            return;
        }
        ApprovedAmount = RequestedAmount;
        AwaitReturnTo(returnAddress);
        Append(actor, now, "ruled", CaseStatus.AwaitingReturn, data);
    }

    public void Respond(string notes, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Respond, actor);
        Require("notes", notes);
        Append(actor, now, "responded", CaseStatus.Responded, new() { ["notes"] = notes });
    }

    public void Resolve(string notes, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Resolve, actor);
        Require("notes", notes);
        Append(actor, now, "resolved", CaseStatus.Resolved, new() { ["notes"] = notes });
    }

    public void Cancel(Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Cancel, actor);
        Append(actor, now, "cancelled", CaseStatus.Cancelled);
    }

    public void Close(Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Close, actor);
        Append(actor, now, "closed", CaseStatus.Closed);
    }

    public void Assign(string agentId, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Assign, actor);
        Require("agentId", agentId);
        // The assignee column holds 64 characters: a longer id is bad input, not a database fault (500 on PostgreSQL).
        if (agentId.Length > 64) throw Invalid("agentId", "at most 64 characters");
        var previous = Assignee;
        Assignee = agentId;
        Append(actor, now, "assigned", Status == CaseStatus.Opened ? CaseStatus.Assigned : null,
            new() { ["agentId"] = agentId, ["previous"] = previous });
    }

    public void WaitOnConsumer(string? reason, Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.WaitOnConsumer, actor);
        WaitingOnConsumer = true;
        // Asking the consumer is an answer (it stops the response clocks); what still counts then pauses.
        Append(actor, now, "waiting_on_consumer", null, new() { ["reason"] = reason });
        PauseClocks(now);
    }

    public void Resume(Actor actor, DateTimeOffset now)
    {
        Guard(CaseAction.Resume, actor);
        WaitingOnConsumer = false;
        ResumeClocks(now);
        Append(actor, now, "resumed", null);
    }

    /// <summary>
    /// A waybill is what a carrier prints: letters, digits and '-' (SF1234567890123, JDVA00012345678, 7…), trimmed.
    /// Anything else ("SF12&lt;&gt;#@!中文") was stored and shown to both sides as if it could be tracked.
    /// </summary>
    private static string CheckWaybill(string? value)
    {
        Require("waybill", value);
        var waybill = value!.Trim();
        if (waybill.Length is < WaybillMin or > WaybillMax || !waybill.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
        {
            var e = new FieldErrors();
            e.Add("waybill", $"{WaybillMin} to {WaybillMax} characters: letters, digits or '-'");
            e.ThrowIfAny();
        }
        return waybill;
    }

    public const int WaybillMin = 6, WaybillMax = 32;

    private static void Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Invalid(field, "required");
    }

    private static ValidationFailedException Invalid(string field, string expected) =>
        new(new Dictionary<string, string[]> { [field] = [expected] });
}
