using AfterSales.Web.Data;
using AfterSales.Web.Modules.Cases.Domain;
using AfterSales.Web.Modules.Orders.Domain;
using AfterSales.Web.Modules.Shops.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.Cases.Data;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.CaseNo).HasMaxLength(32);
        b.HasIndex(c => c.CaseNo).IsUnique();
        b.Property(c => c.OrderNo).HasMaxLength(64);
        b.Property(c => c.ShopId).HasMaxLength(64);
        b.Property(c => c.ConsumerId).HasMaxLength(64);
        b.Property(c => c.Priority).HasMaxLength(16);
        b.Property(c => c.Channel).HasMaxLength(16);
        b.Property(c => c.Assignee).HasMaxLength(64);
        b.Property(c => c.Description).HasMaxLength(2000);
        b.Property(c => c.Lines).AsJson();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.LiveRefund);
        b.Ignore(c => c.NextStep);
        b.Property(c => c.Policy).AsJson();
        // No length limit: platform, a 64-character category and a 64-character shop already overran 128 characters
        // (a 500 on PostgreSQL), and a case over lines of several categories names each category's version.
        b.Property(c => c.PolicyVersion);
        // The return address as it was when the case started awaiting the return (a copy, not a link to the shop).
        b.ComplexProperty(c => c.ReturnAddress, a => ReturnAddressColumns.Configure(a));
        b.HasMany(c => c.Timers).WithOne().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.MaxRefund);
        b.HasOne<Order>().WithMany().HasForeignKey(c => c.OrderNo).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Refunds).WithOne().HasForeignKey(r => r.CaseId);
        b.HasMany(c => c.Timeline).WithOne().HasForeignKey(e => e.CaseId);
        // Keyset pages, newest first: the id is the creation order.
        b.HasIndex(c => new { c.Status, c.Id });
        b.HasIndex(c => new { c.ShopId, c.Id });
        b.HasIndex(c => new { c.Assignee, c.Id });
        b.HasIndex(c => new { c.OrderNo, c.Status });
        // Routing: the queue a case waits in, and the waiting cases of a queue when an agent becomes free.
        b.Property(c => c.Queue).HasMaxLength(64);
        b.Ignore(c => c.AwaitsStaff);
        b.Ignore(c => c.IsOpen);
        b.HasIndex(c => new { c.Queue, c.Status });
        // The case owns its SLA clocks (Case.Sla.cs).
        b.HasMany(c => c.Clocks).WithOne().HasForeignKey(k => k.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Reporting counts cases opened in a date range: without it every chart would scan the whole table.
        b.HasIndex(c => c.CreatedAt);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> b)
    {
        b.ToTable("refunds");
        b.HasKey(r => r.Id);
        // The id is made by the aggregate; without this EF would take a new refund in the collection for an existing row.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.OrderNo).HasMaxLength(64);
        b.Property(r => r.ExternalRef).HasMaxLength(128);
        b.Property(r => r.Message).HasMaxLength(500);
        b.Property(r => r.Allocations).AsJson();
        // Money moves once: one row per attempt, and never two live refunds on one case.
        b.HasIndex(r => new { r.CaseId, r.Attempt }).IsUnique();
        b.HasIndex(r => r.CaseId).IsUnique().HasFilter("\"Status\" = 'requested'").HasDatabaseName("UX_refunds_one_live_per_case");
        b.HasIndex(r => r.OrderNo);
    }
}

internal sealed class TimelineConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> b)
    {
        b.ToTable("timeline_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.ActorId).HasMaxLength(128);
        b.Property(e => e.Type).HasMaxLength(48);
        b.HasIndex(e => new { e.CaseId, e.Id });
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> b)
    {
        b.ToTable("case_messages");
        b.HasKey(m => m.Id);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.AuthorId).HasMaxLength(128);
        b.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId);
        b.HasIndex(m => new { m.CaseId, m.At });
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<CaseAttachment> b)
    {
        b.ToTable("case_attachments");
        b.HasKey(a => a.Id);
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(64);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.StorageKey).HasMaxLength(255);
        b.Property(a => a.AuthorId).HasMaxLength(128);
        b.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
        b.HasIndex(a => a.CaseId);
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox");
        b.HasKey(m => m.Id);
        b.Property(m => m.Type).HasMaxLength(64);
        b.Property(m => m.AggregateId).HasMaxLength(64);
        b.HasIndex(m => new { m.DispatchedAt, m.OccurredAt });
        b.HasIndex(m => new { m.AggregateId, m.Type });
    }
}

internal sealed class CaseTimerConfiguration : IEntityTypeConfiguration<CaseTimer>
{
    public void Configure(EntityTypeBuilder<CaseTimer> b)
    {
        b.ToTable("case_timers");
        b.HasKey(t => t.Id);
        b.Property(t => t.Step).HasMaxLength(48);
        // The worker's only query: what is due, oldest first. Its cost grows with what is due, not with what is pending.
        b.HasIndex(t => t.DueAt);
        b.HasIndex(t => t.CaseId);
    }
}

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> b)
    {
        b.ToTable("sla_clocks");
        b.HasKey(k => k.Id);
        b.Property(k => k.Metric).HasMaxLength(32);
        b.Property(k => k.CalendarId).HasMaxLength(64);
        b.Property(k => k.State).HasConversion<WireEnumConverter<SlaState>>().HasMaxLength(16);
        b.Property(k => k.WarningShare).HasPrecision(5, 4);
        b.Property(k => k.Pauses).AsJson();
        b.Ignore(k => k.IsStopped);
        b.Ignore(k => k.IsPaused);
        b.Ignore(k => k.AwaitsVerdict);
        b.HasIndex(k => new { k.CaseId, k.Metric, k.Seq }).IsUnique();
        // Reporting: attainment per metric over a period.
        b.HasIndex(k => new { k.Metric, k.StartedAt });
    }
}
