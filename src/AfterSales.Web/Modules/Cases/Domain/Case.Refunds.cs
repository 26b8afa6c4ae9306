namespace AfterSales.Web.Modules.Cases.Domain;

public sealed partial class Case
{
    /// <summary>
    /// Rule RefundCannotExceedPaidAmount (and one live refund at a time): checked before any state moves,
    /// so a refused refund leaves the case exactly as it was.
    /// </summary>
    public void CheckRefundable(decimal amount)
    {
        if (amount <= 0 || !Money.HasAtMostTwoPlaces(amount))
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["amount"] = ["positive, at most 2 decimal places"] });
        if (LiveRefund is not null) throw new DomainException("refund.already_in_progress");
        var remaining = MaxRefund - RefundedAmount;
        if (amount > remaining)
            throw new DomainException("refund.exceeds_paid", null, new Dictionary<string, object?> { ["max"] = Money.Normalize(remaining) });
    }

    private void StartRefund(decimal amount, Actor actor, DateTimeOffset now)
    {
        CheckRefundable(amount);
        ApprovedAmount = RefundedAmount + amount;
        var refund = new Refund(this, Refunds.Count + 1, amount, Allocate(amount), now);
        Refunds.Add(refund);
        Append(actor, now, "refund_requested", null, new() { ["refundId"] = refund.Id, ["amount"] = amount });
        _outbox.Add(OutboxMessage.For("refund.requested", this, now, new
        {
            refundId = refund.Id, CaseNo, OrderNo, amount = Money.Normalize(amount), currency = "CNY",
        }));
    }

    /// <summary>Spreads a refund over the case's lines, never above a line's share of what was paid.</summary>
    private List<RefundAllocation> Allocate(decimal amount)
    {
        var used = Refunds.Where(r => r.Status != RefundStatus.Failed).SelectMany(r => r.Allocations)
            .GroupBy(a => a.LineNo).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount));
        var result = new List<RefundAllocation>();
        var left = amount;
        foreach (var line in Lines)
        {
            if (left <= 0) break;
            var room = line.MaxRefund - used.GetValueOrDefault(line.LineNo);
            var take = Math.Min(room, left);
            if (take <= 0) continue;
            result.Add(new RefundAllocation(line.LineNo, take));
            left -= take;
        }
        if (left > 0) throw new DomainException("refund.exceeds_paid");
        return result;
    }

    /// <summary>
    /// The payment system's answer. Repeating the same answer changes nothing (returns false); a contradicting
    /// answer is a conflict. Success counts the money once; failure leaves the case in refunding for a retry.
    /// </summary>
    public bool RecordRefundResult(Guid refundId, RefundStatus outcome, string externalRef, string? message, Actor actor, DateTimeOffset now)
    {
        var refund = Refunds.Find(r => r.Id == refundId) ?? throw new DomainException("refund.not_found");
        if (refund.Status != RefundStatus.Requested)
        {
            if (refund.Status == outcome && refund.ExternalRef == externalRef) return false;
            throw new DomainException("refund.result_conflict", null, new Dictionary<string, object?> { ["refundStatus"] = Wire.Name(refund.Status) });
        }
        refund.Complete(outcome, externalRef, message, now);
        var data = new Dictionary<string, object?> { ["refundId"] = refund.Id, ["amount"] = refund.Amount, ["externalRef"] = externalRef, ["message"] = message };
        if (outcome == RefundStatus.Succeeded)
        {
            RefundedAmount += refund.Amount;
            var done = Status == CaseStatus.Refunding && RefundedAmount >= ApprovedAmount;
            Append(actor, now, "refund_succeeded", done ? CaseStatus.Refunded : null, data);
            _outbox.Add(OutboxMessage.For("refund.succeeded", this, now, new { refundId, CaseNo, amount = Money.Normalize(refund.Amount) }));
        }
        else
        {
            Append(actor, now, "refund_failed", null, data);
            _outbox.Add(OutboxMessage.For("refund.failed", this, now, new { refundId, CaseNo, amount = Money.Normalize(refund.Amount), message }));
        }
        return true;
    }
}
