namespace AfterSales.Web.Modules.Audit.Domain;

/// <summary>The action names of the audit log (stable: they are hashed and queried).</summary>
public static class AuditActions
{
    public const string RefundRequested = "refund.requested";
    public const string RefundResult = "refund.result";
    public const string PolicyChanged = "policy.changed";
    public const string SlaPolicyChanged = "sla_policy.changed";
    public const string CalendarChanged = "calendar.changed";
    public const string UserLocked = "user.locked";
    public const string UserUnlocked = "user.unlocked";
    public const string UserPasswordSet = "user.password_set";
    public const string ShopChanged = "shop.changed";

    // Ready for the identity work (users, tokens, managed keys, masked personal data): not written yet.
    public const string SignIn = "auth.sign_in";
    public const string ApiKeyUsed = "api_key.used";
    public const string PersonalDataRead = "personal_data.read";
    public const string Export = "export";
}
