using System.Reflection;
using System.Text.RegularExpressions;
using DoSon.Bot.Commands;
using DoSon.Bot.Domain;
using DoSon.Bot.Import;
using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Docs;

/// <summary>docs/messages.md, checked: every message template (each *Texts class, rendered with sample
/// values) and every command's reply in the sample ward is read for the forms the guide forbids.</summary>
public class MessageVoiceTests
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json");

    private static readonly string[] Callers = ["BT", "CT-UBND", "CC-VHXH"];

    private static readonly string[] EnglishWords =
    [
        "error", "errors", "failed", "failure", "task", "tasks", "deadline", "deadlines", "user", "users", "admin",
        "admins", "warning", "success", "successful", "please", "cancelled", "canceled", "retry", "timeout",
        "invalid", "exception", "overdue", "reminder", "reminders", "done", "unknown",
    ];

    private const string VietnameseLetters =
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

    [Fact]
    public void Every_message_template_reads_in_one_voice()
    {
        var texts = Templates().ToList();

        texts.Should().HaveCountGreaterThan(150, "every *Texts class is read, constants and rendered methods alike");
        texts.Select(t => t.Source).Should().Contain(s => s.StartsWith("ReminderTexts.", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("ChatTexts.", StringComparison.Ordinal))
            .And.Contain(s => s.StartsWith("CommandTexts.", StringComparison.Ordinal));
        var problems = texts.SelectMany(t => Problems(t.Text).Select(p => $"{t.Source}: {p}")).Distinct().ToList();
        problems.Should().BeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_commands_reply_in_the_sample_ward_reads_in_one_voice()
    {
        await using var bot = await BotHarness.CreateAsync(seedWard: false);
        (await bot.Get<AssignmentImporter>().ImportAsync(SamplePath, dryRun: false, "seed")).Succeeded.Should().BeTrue();
        var task = (await bot.Store.GetTasksAsync()).OrderBy(t => t.Code, StringComparer.Ordinal).First();
        var callers = new List<Member>();
        foreach (var caller in Callers)
        {
            callers.Add((await bot.Store.FindMemberAsync(caller))!);
        }

        var arguments = new[] { "", task.Code, $"{task.Code} 50", "UBND", "03/2026", $"{task.Code} đã họp triển khai", "T9999-99" };

        var problems = new List<string>();
        var replies = 0;
        foreach (var handler in bot.Router.Handlers)
        {
            problems.AddRange(Problems(handler.Description).Select(p => $"/{handler.Name} (mô tả): {p}"));
            foreach (var caller in callers)
            {
                foreach (var argument in arguments)
                {
                    var said = $"/{handler.Name} {argument}".Trim();
                    var reply = await bot.SayAsync(caller, said);
                    replies++;
                    problems.AddRange(Problems(reply).Select(p => $"{caller.Code} «{said}»: {p}"));
                }
            }
        }

        replies.Should().BeGreaterThan(100);
        problems = [.. problems.Distinct()];
        problems.Should().BeEmpty(string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_finds_each_forbidden_form_so_it_is_not_vacuous()
    {
        Problems("Xin chào bạn, Bạn có 2 nhiệm vụ.").Should().ContainSingle().Which.Should().Contain("bạn");
        Problems("Xin chào đồng chí Đ/c Chánh Văn phòng.").Should().ContainSingle().Which.Should().Contain("Đ/c");
        Problems("Không gửi được: task failed.").Should().HaveCount(2);
        Problems("Nhiệm vụ quá deadline 2 ngày.").Should().ContainSingle().Which.Should().Contain("deadline");
        Problems("Khong tim thay nhiem vu nay.").Should().ContainSingle().Which.Should().Contain("không dấu");

        Problems("Xin chào đồng chí Chánh Văn phòng. Lệnh /xong T1 (Telegram:BotToken, task-list.json) — «task failed».")
            .Should().BeEmpty("codes, command names, settings, file names and quoted input are not the bot's words");
        Problems("Cách dùng: dotnet run --project src/DoSon.Bot -- members invite <mã thành viên>").Should().BeEmpty();
    }

    /// <summary>What a text says that docs/messages.md forbids.</summary>
    internal static IReadOnlyList<string> Problems(string text)
    {
        var problems = new List<string>();
        if (Regex.IsMatch(text, @"(?<!\p{L})bạn(?!\p{L})", RegexOptions.IgnoreCase))
        {
            problems.Add("«bạn» (xưng «đồng chí»)");
        }

        if (Regex.IsMatch(text, @"đồng chí\s+đ/c(?!\p{L})", RegexOptions.IgnoreCase))
        {
            problems.Add("«Đ/c» ngay sau «đồng chí»");
        }

        var words = Words(text);
        foreach (var english in EnglishWords.Where(e => words.Any(w => string.Equals(w, e, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"từ tiếng Anh «{english}»");
        }

        foreach (var sentence in Regex.Split(text, @"[.!?;:\n()—,]"))
        {
            var plain = Words(sentence);
            if (plain.Count >= 4 && !plain.Any(w => w.Any(c => VietnameseLetters.Contains(char.ToLowerInvariant(c)))))
            {
                problems.Add($"câu không dấu «{string.Join(' ', plain)}»");
            }
        }

        return problems;
    }

    /// <summary>The bot's own words: without quoted input («…»), commands (/xong), placeholders,
    /// settings, file names, codes and anything with digits or punctuation inside.</summary>
    private static List<string> Words(string text)
    {
        var stripped = Regex.Replace(text, @"«[^»]*»|`[^`]*`|<[^>]*>|\[[^\]]*\]", " ");
        return [.. stripped.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Where(token => !token.StartsWith('/') && !token.StartsWith('-'))
            .Select(token => token.Trim('.', ',', ';', '!', '?', '(', ')', '"', '\'', '“', '”', '…', '•', '·', '—', ':'))
            .Where(token => token.Length > 0 && token.All(char.IsLetter))];
    }

    private static IEnumerable<(string Source, string Text)> Templates()
    {
        var types = typeof(CommandTexts).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Texts", StringComparison.Ordinal) && t is { IsAbstract: true, IsSealed: true })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in types)
        {
            foreach (var field in type.GetFields(all).Where(f => f.FieldType == typeof(string) && !f.Name.Contains('<', StringComparison.Ordinal)))
            {
                if (field.GetValue(null) is string value)
                {
                    yield return ($"{type.Name}.{field.Name}", value);
                }
            }

            foreach (var property in type.GetProperties(all).Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0))
            {
                if (property.GetValue(null) is string value)
                {
                    yield return ($"{type.Name}.{property.Name}", value);
                }
            }

            foreach (var method in type.GetMethods(all).Where(m => m.ReturnType == typeof(string) && !m.IsSpecialName
                         && !m.ContainsGenericParameters && !m.Name.Contains('<', StringComparison.Ordinal)))
            {
                foreach (var args in ArgumentSets(method.GetParameters()))
                {
                    string? value;
                    try
                    {
                        value = method.Invoke(null, args) as string;
                    }
                    catch (TargetInvocationException)
                    {
                        continue;
                    }

                    if (value is not null)
                    {
                        yield return ($"{type.Name}.{method.Name}", value);
                    }
                }
            }
        }
    }

    /// <summary>Sample values: each enum parameter over all its values, every other one once.</summary>
    private static List<object?[]> ArgumentSets(ParameterInfo[] parameters)
    {
        var sets = new List<object?[]> { parameters.Select(p => Sample(p.ParameterType)).ToArray() };
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            if (type.IsEnum || type == typeof(bool))
            {
                var values = type == typeof(bool) ? [true, false] : Enum.GetValues(type).Cast<object>().ToArray();
                var index = i;
                sets = [.. sets.SelectMany(set => values.Select(v =>
                {
                    var copy = (object?[])set.Clone();
                    copy[index] = v;
                    return copy;
                }))];
            }
        }

        return sets;
    }

    private static readonly Member SampleMember =
        new("CVP", "Đ/c Chánh Văn phòng", "Chánh Văn phòng Đảng ủy", ["VPDU"], MemberRole.Admin, TelegramUserId: 1001);

    private static object? Sample(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "nội dung mẫu",
            _ when type == typeof(int) => 3,
            _ when type == typeof(long) => 3L,
            _ when type == typeof(double) => 3.0,
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateTimeOffset) => BotHarness.DefaultNow,
            _ when type == typeof(DateOnly) => new DateOnly(2026, 3, 8),
            _ when type == typeof(TimeOnly) => new TimeOnly(7, 30),
            _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(5),
            _ when type == typeof(Member) => SampleMember,
            _ when type == typeof(WorkTask) => WardData.LandTask,
            _ when type == typeof(Milestone) => WardData.Election,
            _ when type == typeof(Unit) => WardData.Ubnd,
            _ when type == typeof(Exception) => new InvalidOperationException("lỗi mẫu"),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(0),
            _ when type.IsAssignableFrom(typeof(string[])) => new[] { "T1", "T2" },
            _ when type.IsAssignableFrom(typeof(List<WorkTask>)) => new List<WorkTask> { WardData.LandTask, WardData.PoliceTask },
            _ when type.IsAssignableFrom(typeof(List<Member>)) => new List<Member> { SampleMember },
            _ when type.IsValueType => Activator.CreateInstance(type),
            _ => null,
        };
    }
}
