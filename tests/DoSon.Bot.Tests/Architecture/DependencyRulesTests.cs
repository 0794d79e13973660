using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using DoSon.Bot.Domain;
using FluentAssertions;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;

namespace DoSon.Bot.Tests.Architecture;

/// <summary>Issue 11, item 5: the rules between the folders of src/DoSon.Bot, checked on the compiled
/// program. Adapters depend on the core's ports, never the reverse, and each third-party library stays
/// in the one folder that owns it. A failure names every type that breaks the rule and what it uses.</summary>
public sealed class DependencyRulesTests
{
    // Loaded once: reading the assemblies is the slow part. The libraries are loaded with the program so
    // that a use of their types is seen as a dependency on a known type.
    private static readonly ArchitectureModel Program = new ArchLoader()
        .LoadAssemblies(typeof(WorkTask).Assembly)
        .Build();

    private static string Within(string ns) => $@"^{ns.Replace(".", @"\.", StringComparison.Ordinal)}(\..+)?$";

    private static GivenTypesConjunction Folder(string ns) =>
        Types().That().ResideInAssembly(typeof(WorkTask).Assembly).And().ResideInNamespaceMatching(Within(ns));

    private static GivenTypesConjunction OutsideFolder(string ns) =>
        Types().That().ResideInAssembly(typeof(WorkTask).Assembly).And().DoNotResideInNamespaceMatching(Within(ns));

    private static GivenTypesConjunctionWithDescription Library(string ns) => Types(true).That().ResideInNamespaceMatching(Within(ns)).As(ns);

    [Fact]
    public void Domain_depends_on_no_other_folder_and_no_third_party_package()
    {
        IArchRule rule = Folder("DoSon.Bot.Domain").Should()
            .NotDependOnAny(Types(true).That().DoNotResideInNamespaceMatching(@"^(System|DoSon\.Bot\.Domain)(\..+)?$")
                .As("types outside DoSon.Bot.Domain and .NET's System namespaces"))
            .Because("Domain holds the ward's records and rules, which need nothing but .NET");

        rule.Check(Program);
    }

    [Theory]
    [InlineData("DoSon.Bot.Storage")]
    [InlineData("DoSon.Bot.Reminders")]
    public void Storage_and_Reminders_do_not_depend_on_Channels(string folder)
    {
        IArchRule rule = Folder(folder).Should()
            .NotDependOnAny(Types().That().ResideInNamespaceMatching(Within("DoSon.Bot.Channels")).As("DoSon.Bot.Channels"))
            .Because("they reach chats only through the ports in DoSon.Bot.Messaging and their own (IGroupDigestSender)");

        rule.Check(Program);
    }

    [Theory]
    [InlineData("Telegram.Bot", "DoSon.Bot.Channels.Telegram")]
    [InlineData("LiteDB", "DoSon.Bot.Storage")]
    [InlineData("Quartz", "DoSon.Bot.Reminders")]
    public void Each_library_is_used_by_its_own_folder_only(string library, string folder)
    {
        IArchRule rule = OutsideFolder(folder).Should()
            .NotDependOnAny(Library(library))
            .Because($"only {folder} may use {library}");

        rule.Check(Program);
    }

    [Fact]
    public void The_rules_see_the_program_and_the_libraries()
    {
        // Guards the rules above against passing on an empty set: a wrong pattern or an assembly that
        // was not loaded would make every "should not depend" hold trivially.
        Folder("DoSon.Bot.Domain").GetObjects(Program).Should().Contain(t => t.FullName == typeof(WorkTask).FullName);
        Folder("DoSon.Bot.Storage").GetObjects(Program).Should().NotBeEmpty();
        Folder("DoSon.Bot.Reminders").GetObjects(Program).Should().NotBeEmpty();
        foreach (var (library, user) in new[] { ("Telegram.Bot", "DoSon.Bot.Channels.Telegram"), ("LiteDB", "DoSon.Bot.Storage"), ("Quartz", "DoSon.Bot.Reminders") })
        {
            Library(library).GetObjects(Program).Should().NotBeEmpty($"{library} is loaded");
            Folder(user).GetObjects(Program)
                .Should().Contain(t => t.Dependencies.Any(d => d.Target.Namespace.FullName.StartsWith(library, StringComparison.Ordinal)),
                    $"{user} uses {library}, so a use of it elsewhere would be seen too");
        }
    }
}
