using AfterSales.Web.Data;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using AfterSales.Web.Modules.Access.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Access.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("users");
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.ConsumerId).HasMaxLength(64);
        b.Property(u => u.ShopIds).AsJson();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.HasKey(k => k.KeyId);
        b.Property(k => k.KeyId).HasMaxLength(32);
        b.Property(k => k.Name).HasMaxLength(200);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.HasIndex(k => k.Hash).IsUnique();
        b.Property(k => k.CreatedBy).HasMaxLength(100);
        b.Property(k => k.Roles).AsJson();
        b.Property(k => k.ShopIds).AsJson();
        b.Ignore(k => k.ActorId);
    }
}

/// <summary>Identity's own tables, named like the rest of the schema.</summary>
internal sealed class IdentityTables : IModelPart
{
    public void Configure(ModelBuilder b, Microsoft.AspNetCore.DataProtection.IDataProtector? protector)
    {
        b.Entity<IdentityRole>().ToTable("roles");
        b.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        b.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        b.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        b.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        b.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        // Data protection keys (bearer tokens, cookies) live in the database, so every node and every restart reads them.
        b.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
