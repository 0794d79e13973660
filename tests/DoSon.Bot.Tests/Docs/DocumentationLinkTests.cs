using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace DoSon.Bot.Tests.Docs;

/// <summary>Issue 10, item 7: every relative link of the documentation reaches a file, and every
/// #anchor a heading, with GitHub's rules for heading anchors.</summary>
public sealed partial class DocumentationLinkTests
{
    [GeneratedRegex(@"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^#{1,6}\s+(.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "README.md", "deploy/README.md" };
        foreach (var file in Directory.GetFiles(RepositoryFiles.PathOf("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add("docs/" + Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_reaches_a_file_and_every_anchor_a_heading(string document)
    {
        var path = RepositoryFiles.PathOf(document.Split('/'));
        var broken = new List<string>();
        foreach (var target in Links(File.ReadAllText(path)))
        {
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var linked = file.Length == 0 ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, file));
            if (!File.Exists(linked) && !Directory.Exists(linked))
            {
                broken.Add($"{target}: no file {linked}");
                continue;
            }

            if (anchor is not null && linked.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !Anchors(File.ReadAllText(linked)).Contains(anchor))
            {
                broken.Add($"{target}: no heading with the anchor #{anchor} in {Path.GetFileName(linked)}");
            }
        }

        broken.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Refusals and exit codes", "refusals-and-exit-codes")]
    [InlineData("Running as a service (systemd, Docker)", "running-as-a-service-systemd-docker")]
    [InlineData("`members invite`: linking an account", "members-invite-linking-an-account")]
    [InlineData("Zalo — Bot Platform", "zalo--bot-platform")]
    [InlineData("Thông báo kết luận", "thông-báo-kết-luận")]
    public void Anchors_follow_githubs_rules(string heading, string anchor)
    {
        Slug(heading).Should().Be(anchor);
    }

    [Fact]
    public void A_repeated_heading_gets_a_number()
    {
        Anchors("# Setup\n## Setup\n### Setup\n").Should().Equal("setup", "setup-1", "setup-2");
    }

    private static IEnumerable<string> Links(string markdown)
    {
        foreach (var line in WithoutCode(markdown))
        {
            foreach (Match match in InlineLink().Matches(line))
            {
                yield return match.Groups[1].Value.Trim('<', '>');
            }
        }
    }

    /// <summary>The lines outside fenced code blocks, with inline code removed.</summary>
    private static IEnumerable<string> WithoutCode(string markdown)
    {
        var fenced = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                yield return Regex.Replace(line, "`[^`]*`", "``");
            }
        }
    }

    internal static List<string> Anchors(string markdown)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced || Heading().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var slug = Slug(match.Groups[1].Value);
            var n = seen.GetValueOrDefault(slug);
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
            seen[slug] = n + 1;
        }

        return anchors;
    }

    /// <summary>GitHub's heading anchor: the text without markup, lower case, punctuation removed
    /// (letters, digits, marks, '-', '_' and spaces kept), each space a '-'.</summary>
    internal static string Slug(string heading)
    {
        var text = Regex.Replace(heading, @"\[([^\]]*)\]\([^)]*\)", "$1");
        var sb = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                    or System.Globalization.UnicodeCategory.SpacingCombiningMark || c is '-' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('-');
            }
        }

        return sb.ToString();
    }
}
