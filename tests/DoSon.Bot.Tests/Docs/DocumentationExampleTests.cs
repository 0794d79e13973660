using System.Text.RegularExpressions;
using DoSon.Bot.Import;
using FluentAssertions;

namespace DoSon.Bot.Tests.Docs;

/// <summary>Issue 10, item 7: the documentation's examples name members, tasks and units the sample
/// month has, so that a person trying them on the demo gets an answer, not "không có".</summary>
public sealed partial class DocumentationExampleTests
{
    [GeneratedRegex(@"(members invite|/chitiet|/xong|/capnhat|/vuongmac|/donvi) +([A-Za-z0-9][A-Za-z0-9_-]*)")]
    private static partial Regex Example();

    private static readonly string[] TopDocuments = ["README.md", "deploy/README.md"];

    [Fact]
    public void Every_code_in_an_example_command_exists_in_the_sample_month()
    {
        var sample = AssignmentJson.Read(Path.Combine(AppContext.BaseDirectory, "data", "sample", "thang-03-2026.json"));
        var members = sample.Members!.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        var tasks = sample.Tasks!.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var units = sample.Units!.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var documents = TopDocuments
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)));

        var unknown = new List<string>();
        var seen = 0;
        foreach (var document in documents)
        {
            foreach (Match match in Example().Matches(File.ReadAllText(RepositoryFiles.PathOf(document.Split('/')))))
            {
                seen++;
                var (command, code) = (match.Groups[1].Value, match.Groups[2].Value);
                var known = command switch
                {
                    "members invite" => members,
                    "/donvi" => units,
                    _ => tasks,
                };
                if (!known.Contains(code))
                {
                    unknown.Add($"{document}: {command} {code}");
                }
            }
        }

        seen.Should().BeGreaterThan(0);
        unknown.Should().BeEmpty();
    }
}
