namespace AfterSales.Web.Modules.Cases.Domain;

/// <summary>The targets of DOMAIN.md §5, as they appear on the wire.</summary>
public static class SlaMetrics
{
    /// <summary>From the request to the first answer by staff (a public message or a decision).</summary>
    public const string FirstResponse = "first_response";

    /// <summary>From the request to the merchant's decision (agree or refuse); goods cases only.</summary>
    public const string MerchantResponse = "merchant_response";

    /// <summary>From a consumer's message, after the first answer, to staff's next answer.</summary>
    public const string NextResponse = "next_response";

    /// <summary>From the request to the end of the case (refunded, resolved, closed or cancelled).</summary>
    public const string Resolution = "resolution";

    /// <summary>From the merchant's receipt of the return to the refund paid (the law: 7 days).</summary>
    public const string RefundAfterReceipt = "refund_after_receipt";

    public static readonly string[] All = [FirstResponse, MerchantResponse, NextResponse, Resolution, RefundAfterReceipt];
}
