using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace DoSon.Bot.Hosting;

/// <summary>Reads every setting of every options class (a class with a <c>Section</c> constant)
/// the way the configuration binder will, before anything binds it. The binder reports a value it
/// cannot convert in English with a stack trace ("Failed to convert configuration value"), and reads
/// <c>01/03/2026</c> as 3 January; here each such value becomes one Vietnamese sentence naming its
/// key, and instants must be ISO 8601 with an offset.</summary>
public static partial class SettingsCheck
{
    /// <summary>2026-03-01T07:00+07:00, 2026-03-01T07:00:00.5Z: a date, a time and an offset, nothing else.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    /// <summary>One sentence per setting that cannot be read, in key order; empty when all can.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, Assembly? assembly = null)
    {
        var problems = new List<string>();
        foreach (var (section, type) in OptionsSections(assembly ?? typeof(SettingsCheck).Assembly))
        {
            CheckObject(configuration.GetSection(section), type, problems, depth: 0);
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<(string Section, Type Type)> OptionsSections(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section)
            {
                yield return (section, type);
            }
        }
    }

    private static void CheckObject(IConfigurationSection section, Type type, List<string> problems, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
            {
                continue;
            }

            var child = section.GetSection(property.Name);
            if (!child.Exists() || (property.SetMethod is null && IsLeaf(property.PropertyType)))
            {
                continue;
            }

            CheckValue(child, property.PropertyType, problems, depth + 1);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> problems, int depth)
    {
        if (IsLeaf(type))
        {
            if (section.Value is { } value && Hint(type, value) is { } hint)
            {
                problems.Add(HostingTexts.CannotRead(section.Path, value, hint));
            }

            return;
        }

        if (ElementType(type) is { } element)
        {
            foreach (var item in section.GetChildren())
            {
                CheckValue(item, element, problems, depth + 1);
            }

            return;
        }

        if (type.IsClass && type != typeof(string))
        {
            CheckObject(section, type, problems, depth);
        }
    }

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateTimeOffset)
            || t == typeof(DateTime) || t == typeof(TimeSpan) || t == typeof(DateOnly) || t == typeof(TimeOnly)
            || t == typeof(Guid) || t == typeof(Uri);
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments.Length switch
        {
            1 => arguments[0],
            2 => arguments[1],
            _ => null,
        };
    }

    /// <summary>What the value should look like, or null when it converts.</summary>
    private static string? Hint(Type type, string value)
    {
        var nullable = Nullable.GetUnderlyingType(type);
        if (nullable is not null && value.Length == 0)
        {
            return null;
        }

        var t = nullable ?? type;
        if (t == typeof(string))
        {
            return null;
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return IsoInstant().IsMatch(value.Trim()) && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : HostingTexts.ExpectInstant;
        }

        try
        {
            TypeDescriptor.GetConverter(t).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return t switch
            {
                _ when t == typeof(bool) => HostingTexts.ExpectBool,
                _ when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte)
                       || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) || t == typeof(sbyte) => HostingTexts.ExpectInteger,
                _ when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => HostingTexts.ExpectNumber,
                _ when t == typeof(TimeSpan) => HostingTexts.ExpectDuration,
                _ when t == typeof(TimeOnly) => HostingTexts.ExpectTime,
                _ when t == typeof(DateOnly) => HostingTexts.ExpectDate,
                _ when t.IsEnum => HostingTexts.ExpectOneOf(Enum.GetNames(t)),
                _ => HostingTexts.ExpectType(t.Name),
            };
        }
    }
}
