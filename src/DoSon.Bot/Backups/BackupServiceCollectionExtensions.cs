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
}

internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options) =>
        string.IsNullOrWhiteSpace(options.DailyTime) || ReminderPolicy.TryParseTime(options.DailyTime, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Backup:DailyTime = «{options.DailyTime}» không đúng dạng HH:mm (ví dụ 02:30), hoặc để trống để tắt sao lưu hằng ngày.");
}
