namespace DoSon.Bot.Domain;

/// <summary>The ward's calendar: Asia/Ho_Chi_Minh, UTC+07:00 all year since 1975.
/// We convert with the zone rather than a fixed offset so that nothing depends on the
/// SupportsDaylightSavingTime flag, which .NET reports as true for historical reasons.</summary>
public static class WardClock
{
    public const string ZoneId = "Asia/Ho_Chi_Minh";
    public const string DateFormat = "dd/MM/yyyy";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(ToLocal(time.GetUtcNow()).DateTime);

    /// <summary>The UTC instant of a local date and time in the ward.</summary>
    /// <summary>The first instant at the ward's local <paramref name="daily"/> time after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAt(TimeOnly daily, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(ToLocal(now).DateTime);
        var at = ToInstant(today, daily);
        return at > now ? at : ToInstant(today.AddDays(1), daily);
    }

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static string Format(DateOnly date) =>
        date.ToString(DateFormat, System.Globalization.CultureInfo.InvariantCulture);

    public static string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy"],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
}
