using DoSon.Bot.Cli;
using DoSon.Bot.Import;
using DoSon.Bot.Reminders;
using DoSon.Bot.Reminders.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DoSon.Bot.Backups;

public static class BackupServiceCollectionExtensions
{
    /// <summary>Backups: the options, the copies, the daily job and the copy before each import, and
    /// the backup, restore and check verbs. Call after the reminders (the daily job runs on their scheduler).</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        services.AddSingleton<DatabaseBackups>();
        services.AddSingleton<BackupService>();
        services.AddSingleton<IBeforeImport>(sp => sp.GetRequiredService<BackupService>());
        services.AddHostedService(sp => sp.GetRequiredService<BackupService>());
        services.AddTransient<DailyBackupJob>();
        services.AddSingleton<ICliVerb, BackupVerb>();
        services.AddSingleton<ICliVerb, RestoreVerb>();
        services.AddSingleton<ICliVerb, CheckVerb>();
        return services;
    }

    /// <summary>Under PostgreSQL: the backup, restore and check verbs say to use pg_dump instead.</summary>
    public static IServiceCollection AddFileOnlyVerbsRefused(this IServiceCollection services)
    {
        services.AddSingleton<ICliVerb>(new FileOnlyVerb("backup", BackupTexts.BackupUsage));
        services.AddSingleton<ICliVerb>(new FileOnlyVerb("restore", BackupTexts.RestoreUsage));
        services.AddSingleton<ICliVerb>(new FileOnlyVerb("check", BackupTexts.CheckUsage));
        return services;
    }
}

/// <summary>A verb that works on the LiteDB file only (backup, restore, check), refused in one sentence
/// when the ward is in PostgreSQL, whose own tools (pg_dump, pg_restore) do that work.</summary>
internal sealed class FileOnlyVerb(string name, string usage) : ICliVerb
{
    public string Name => name;

    public string Usage => usage;

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(Storage.StorageTexts.FileOnlyVerb(name));
        return Hosting.ExitCodes.Usage;
    }
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options) =>
        string.IsNullOrWhiteSpace(options.DailyTime) || ReminderPolicy.TryParseTime(options.DailyTime, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Backup:DailyTime = «{options.DailyTime}» không đúng dạng HH:mm (ví dụ 02:30), hoặc để trống để tắt sao lưu hằng ngày.");
}
