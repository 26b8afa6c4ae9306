using AfterSales.Web.Data;
using AfterSales.Web.Modules.ServiceStandards.Calendars.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Web.Modules.ServiceStandards.Calendars.Data;

internal sealed class StoredCalendarConfiguration : IEntityTypeConfiguration<StoredCalendar>
{
    public void Configure(EntityTypeBuilder<StoredCalendar> b)
    {
        b.ToTable("calendars");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(64);
        b.Property(c => c.Name).HasMaxLength(CalendarValidator.MaxNameLength);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.Week).AsJson();
        b.Property(c => c.Holidays).AsJson();
        b.Property(c => c.Workdays).AsJson();
        b.Property(c => c.ShippedYears).AsJson();
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
