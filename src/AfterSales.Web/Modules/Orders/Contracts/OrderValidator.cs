using System.Globalization;
using System.Text.RegularExpressions;
using AfterSales.Web.Modules.Orders.Domain;


namespace AfterSales.Web.Modules.Orders.Contracts;

/// <summary>Turns a pushed order into <see cref="OrderData"/> or a complete list of field errors (nothing is written).</summary>
public static partial class OrderValidator
{
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    public static partial Regex IdPattern();

    public static OrderData Validate(string orderNo, PutOrderRequest? r)
    {
        var e = new FieldErrors();
        if (!IdPattern().IsMatch(orderNo)) e.Add("orderNo", "1-64 characters: letters, digits, '-' or '_'");
        if (r is null)
        {
            e.Add("body", "required");
            e.ThrowIfAny("order.invalid");
            throw new InvalidOperationException();
        }
        Id(e, "shopId", r.ShopId);
        Id(e, "consumerId", r.ConsumerId);
        if (r.Recipient is null) e.Add("recipient", "required");
        else
        {
            Text(e, "recipient.name", r.Recipient.Name, 100);
            Text(e, "recipient.phone", r.Recipient.Phone, 32);
            Text(e, "recipient.address", r.Recipient.Address, 500);
        }
        var placed = Time(e, "placedAt", r.PlacedAt, required: true);
        var paid = Time(e, "paidAt", r.PaidAt, required: true);
        if (placed is not null && paid is not null && paid < placed) e.Add("paidAt", "must not be before placedAt");
        Text(e, "paymentMethod", r.PaymentMethod, 32);
        var currency = r.Currency ?? "CNY";
        if (currency != "CNY") e.Add("currency", "only CNY is supported");

        var lines = Lines(e, r.Lines ?? []);
        if (r.Lines is null || r.Lines.Count == 0) e.Add("lines", "at least one line is required");
        else if (lines.Sum(l => l.PaidAmount) > Money.Max) e.Add("lines", $"the paid total must not exceed {Money.Max}");
        var shipments = Shipments(e, r.Shipments ?? [], lines.Select(l => l.LineNo).ToHashSet());
        e.ThrowIfAny("order.invalid");
        return new OrderData(r.ShopId!, r.ConsumerId!, new Recipient(r.Recipient!.Name!, r.Recipient.Phone!, r.Recipient.Address!),
            placed!.Value, paid!.Value, r.PaymentMethod!, currency, lines, shipments);
    }

    private static List<OrderLine> Lines(FieldErrors e, List<OrderLineDto> dtos)
    {
        var result = new List<OrderLine>();
        var seen = new HashSet<int>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var d = dtos[i];
            var p = $"lines[{i}]";
            if (d is null) { e.Add(p, "required"); continue; }
            if (d.LineNo is not > 0) e.Add(p + ".lineNo", "a positive integer is required");
            else if (!seen.Add(d.LineNo.Value)) e.Add(p + ".lineNo", "duplicate line number");
            Text(e, p + ".sku", d.Sku, 64);
            Text(e, p + ".title", d.Title, 200);
            Text(e, p + ".category", d.Category, 64);
            if (d.Quantity is not > 0) e.Add(p + ".quantity", "must be greater than zero");
            var unitOk = IsAmount(d.UnitPrice);
            if (!unitOk) e.Add(p + ".unitPrice", AmountRule);
            if (!IsAmount(d.PaidAmount)) e.Add(p + ".paidAmount", AmountRule);
            // Only multiplied once both are in range: unitPrice × quantity must not overflow into a 500.
            else if (unitOk && d.Quantity is > 0 && d.PaidAmount > d.UnitPrice * d.Quantity.Value) e.Add(p + ".paidAmount", "must not exceed unitPrice × quantity");
            foreach (var f in d.Flags ?? [])
                if (!LineFlags.All.Contains(f)) e.Add(p + ".flags", $"unknown flag '{f}'; known: {string.Join(", ", LineFlags.All)}");
            if (d.WarrantyMonths is < 0 or > 120) e.Add(p + ".warrantyMonths", "0 to 120");
            if (d.SerialNumber is { Length: > 64 }) e.Add(p + ".serialNumber", "at most 64 characters");
            if (!e.Any)
                result.Add(new OrderLine(d.LineNo!.Value, d.Sku!, d.Title!, d.Category!, d.Quantity!.Value, Money.Normalize(d.UnitPrice!.Value),
                    Money.Normalize(d.PaidAmount!.Value), (d.Flags ?? []).Distinct().ToList(), d.SerialNumber, d.WarrantyMonths));
        }
        return result;
    }

    private static List<Shipment> Shipments(FieldErrors e, List<ShipmentDto> dtos, HashSet<int> lineNos)
    {
        var result = new List<Shipment>();
        for (var i = 0; i < dtos.Count; i++)
        {
            var d = dtos[i];
            var p = $"shipments[{i}]";
            if (d is null) { e.Add(p, "required"); continue; }
            Text(e, p + ".carrier", d.Carrier, 64);
            Text(e, p + ".waybill", d.Waybill, 64);
            if (d.LineNos is null || d.LineNos.Count == 0) e.Add(p + ".lineNos", "at least one line number is required");
            else foreach (var n in d.LineNos.Where(n => !lineNos.Contains(n))) e.Add(p + ".lineNos", $"line {n} is not in the order");
            var shipped = Time(e, p + ".shippedAt", d.ShippedAt, required: false);
            var signed = Time(e, p + ".signedAt", d.SignedAt, required: false);
            if (shipped is not null && signed is not null && signed < shipped) e.Add(p + ".signedAt", "must not be before shippedAt");
            if (!e.Any) result.Add(new Shipment(d.Carrier!, d.Waybill!, d.LineNos!.Distinct().ToList(), shipped, signed));
        }
        return result;
    }

    private static readonly string AmountRule = $"0 to {Money.Max}, at most 2 decimal places";

    private static bool IsAmount(decimal? amount) => amount is { } a && a >= 0 && a <= Money.Max && Money.HasAtMostTwoPlaces(a);

    private static void Id(FieldErrors e, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(field, "required");
        else if (!IdPattern().IsMatch(value)) e.Add(field, "1-64 characters: letters, digits, '-' or '_'");
    }

    private static void Text(FieldErrors e, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) e.Add(field, "required");
        else if (value.Length > max) e.Add(field, $"at most {max} characters");
    }

    /// <summary>ISO 8601 with an explicit offset (or Z); stored as UTC.</summary>
    public static DateTimeOffset? Time(FieldErrors e, string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) e.Add(field, "required");
            return null;
        }
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || Regex.IsMatch(value, @"[+-]\d{2}:?\d{2}$");
        if (!hasOffset || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            e.Add(field, "an ISO 8601 time with offset, e.g. 2026-11-01T10:00:00+08:00");
            return null;
        }
        return t.ToUniversalTime();
    }
}
