using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DoSon.Bot.Import;

/// <summary>The JSON form of an assignment file (<see cref="AssignmentFile"/>): comments and
/// trailing commas are allowed, since people write it by hand.</summary>
public static class AssignmentJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Keeps Vietnamese readable in the file instead of \u1ea1 escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Drafts show empty fields as null, so the office sees what it may fill in.
    private static readonly JsonSerializerOptions DraftOptions = new(WriteOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private static readonly JsonDocumentOptions ReadOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads the file; throws <see cref="AssignmentFileException"/> listing every problem.</summary>
    public static AssignmentFile Read(string path)
    {
        var read = ReadDetailed(path, new ImportOptions());
        return read.Errors.Count == 0 && read.File is not null ? read.File : throw new AssignmentFileException(read.Errors);
    }

    public static void Write(AssignmentFile file, string path) =>
        AssignmentReader.WriteAtomically(path, stream =>
        {
            var bytes = Encoding.UTF8.GetBytes(Serialize(file) + "\n");
            stream.Write(bytes);
        });

    public static string Serialize(AssignmentFile file, bool writeNulls = false) =>
        JsonSerializer.Serialize(file, writeNulls ? DraftOptions : WriteOptions);

    internal static FileRead ReadDetailed(string path, ImportOptions limits)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AssignmentReader.Failed(name, ImportTexts.CannotRead);
        }

        return Parse(bytes, name, limits);
    }

    internal static FileRead Parse(byte[] bytes, string fileName, ImportOptions limits)
    {
        if (bytes.LongLength > limits.MaxFileBytes)
        {
            return AssignmentReader.Failed(fileName, ImportTexts.FileTooLarge(bytes.LongLength, limits.MaxFileBytes));
        }

        ReadOnlyMemory<byte> json = bytes;
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            json = json[Encoding.UTF8.Preamble.Length..];
        }

        if (Encoding.UTF8.GetString(json.Span).Trim().Length == 0)
        {
            return AssignmentReader.Failed(fileName, ImportTexts.JsonEmpty);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var column = CharacterColumn(json.Span, line, (int)(ex.BytePositionInLine ?? 0));
            return new(null, new JsonLayout(fileName), [new ImportError(fileName, ImportTexts.JsonLine(line + 1, column), null, ImportTexts.JsonSyntax)]);
        }

        using (document)
        {
            var errors = new List<ImportError>();
            var mapper = new Mapper(fileName, errors, limits.MaxRows);
            var file = mapper.File(document.RootElement);

            // A list beyond the limit is the only error then: nothing else of the file is checked.
            return mapper.TooLong is { } refused
                ? new(null, new JsonLayout(fileName), [refused])
                : new(file, new JsonLayout(fileName, mapper.Indexes), errors);
        }
    }

    /// <summary>The parser counts bytes; a person counts letters, and most Vietnamese letters take
    /// two or three bytes in UTF-8.</summary>
    private static int CharacterColumn(ReadOnlySpan<byte> json, int line, int bytePosition)
    {
        var start = 0;
        for (var l = 0; l < line && start < json.Length; l++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        var end = Math.Min(json.Length, start + bytePosition);
        return Encoding.UTF8.GetCharCount(json[start..end]) + 1;
    }

    /// <summary>Maps the document by hand rather than with JsonSerializer, so that a wrong type or
    /// an unknown field anywhere is reported with its path and reading goes on to find the rest.</summary>
    private sealed class Mapper(string fileName, List<ImportError> errors, int maxItems)
    {
        // The item being read, so that its errors sort with the checks' errors about it.
        private (int Section, int Item) _order = (-1, -1);

        public Dictionary<FileSection, IReadOnlyList<int>> Indexes { get; } = [];

        /// <summary>The error of a list longer than the limit (Import:MaxRows), if one was.</summary>
        public ImportError? TooLong { get; private set; }

        private static readonly HashSet<string> ProgressFields = new(StringComparer.OrdinalIgnoreCase)
        {
            "percent", "status", "progress", "history", "done",
        };

        public AssignmentFile? File(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error(ImportTexts.WholeFile, null, ImportTexts.JsonRootNotObject);
                return null;
            }

            var file = new AssignmentFile();
            foreach (var p in root.EnumerateObject())
            {
                switch (p.Name.ToLowerInvariant())
                {
                    case "source":
                        _order = ((int)FileSection.Source, 0);
                        file.Source = p.Value.ValueKind switch
                        {
                            JsonValueKind.Null => null,
                            JsonValueKind.Object => Source(p.Value),
                            _ => Invalid<SourceDto>("source", null, ImportTexts.MustBeObject),
                        };
                        break;
                    case "units":
                        file.Units = List(p.Value, FileSection.Units, Unit);
                        break;
                    case "members":
                        file.Members = List(p.Value, FileSection.Members, Member);
                        break;
                    case "milestones":
                        file.Milestones = List(p.Value, FileSection.Milestones, Milestone);
                        break;
                    case "tasks":
                        file.Tasks = List(p.Value, FileSection.Tasks, Task);
                        break;
                    default:
                        _order = (-1, -1);
                        Error(ImportTexts.WholeFile, p.Name, ImportTexts.UnknownField(p.Name));
                        break;
                }
            }

            return file;
        }

        private List<T>? List<T>(JsonElement value, FileSection section, Func<JsonElement, int, T> item)
            where T : class
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            _order = ((int)section, -1);
            if (value.ValueKind != JsonValueKind.Array)
            {
                return Invalid<List<T>>(JsonLayout.Name(section), null, ImportTexts.MustBeList);
            }

            // Counted before any item is mapped, so that a list of a million items costs nothing more.
            if (value.GetArrayLength() > maxItems)
            {
                TooLong ??= new ImportError(fileName, ImportTexts.WholeFile, null, ImportTexts.TooManyItems(JsonLayout.Name(section), maxItems));
                return null;
            }

            var list = new List<T>();
            var indexes = new List<int>();
            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                _order = ((int)section, index);
                if (element.ValueKind == JsonValueKind.Object)
                {
                    list.Add(item(element, index));
                    indexes.Add(index);
                }
                else
                {
                    Error(JsonLayout.Path(section, index), null, ImportTexts.MustBeObject);
                }

                index++;
            }

            Indexes[section] = indexes;
            return list;
        }

        private SourceDto Source(JsonElement e)
        {
            var dto = new SourceDto();
            Fields(e, FileSection.Source, 0, (name, v, where) =>
            {
                switch (name)
                {
                    case "number": dto.Number = Text(v, where, name); return true;
                    case "date": dto.Date = Text(v, where, name); return true;
                    case "title": dto.Title = Text(v, where, name); return true;
                    default: return false;
                }
            });
            return dto;
        }

        private UnitDto Unit(JsonElement e, int index)
        {
            var dto = new UnitDto();
            Fields(e, FileSection.Units, index, (name, v, where) =>
            {
                switch (name)
                {
                    case "code": dto.Code = Text(v, where, name); return true;
                    case "name": dto.Name = Text(v, where, name); return true;
                    default: return false;
                }
            });
            return dto;
        }

        private MemberDto Member(JsonElement e, int index)
        {
            var dto = new MemberDto();
            Fields(e, FileSection.Members, index, (name, v, where) =>
            {
                switch (name)
                {
                    case "code": dto.Code = Text(v, where, name); return true;
                    case "name": dto.Name = Text(v, where, name); return true;
                    case "title": dto.Title = Text(v, where, name); return true;
                    case "units": dto.Units = Texts(v, where, name); return true;
                    case "role": dto.Role = Text(v, where, name); return true;
                    case "telegramUserId": dto.TelegramUserId = UserId(v, where, name); return true;
                    case "zaloUserId": dto.ZaloUserId = Text(v, where, name); return true;
                    default: return false;
                }
            });
            return dto;
        }

        private MilestoneDto Milestone(JsonElement e, int index)
        {
            var dto = new MilestoneDto();
            Fields(e, FileSection.Milestones, index, (name, v, where) =>
            {
                switch (name)
                {
                    case "code": dto.Code = Text(v, where, name); return true;
                    case "name": dto.Name = Text(v, where, name); return true;
                    case "date": dto.Date = Text(v, where, name); return true;
                    default: return false;
                }
            });
            return dto;
        }

        private TaskDto Task(JsonElement e, int index)
        {
            var dto = new TaskDto();
            Fields(e, FileSection.Tasks, index, (name, v, where) =>
            {
                switch (name)
                {
                    case "code": dto.Code = Text(v, where, name); return true;
                    case "title": dto.Title = Text(v, where, name); return true;
                    case "description": dto.Description = Text(v, where, name); return true;
                    case "section": dto.Section = Text(v, where, name); return true;
                    case "leadUnit": dto.LeadUnit = Text(v, where, name); return true;
                    case "supportUnits": dto.SupportUnits = Texts(v, where, name); return true;
                    case "assignees": dto.Assignees = Texts(v, where, name); return true;
                    case "due": dto.Due = Text(v, where, name); return true;
                    case "milestone": dto.Milestone = Text(v, where, name); return true;
                    case "note": dto.Note = Text(v, where, name); return true;
                    default: return false;
                }
            });
            return dto;
        }

        /// <summary>Field names are matched without regard to case ("LeadUnit" reads as leadUnit);
        /// anything else is reported, because a misspelt field would otherwise be lost silently.</summary>
        private void Fields(JsonElement e, FileSection section, int index, Func<string, JsonElement, string, bool> field)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            var where = JsonLayout.Path(section, index);
            var known = KnownFields(section);
            foreach (var p in e.EnumerateObject())
            {
                var name = known.FirstOrDefault(k => string.Equals(k, p.Name, StringComparison.OrdinalIgnoreCase)) ?? p.Name;
                if (!field(name, p.Value, where))
                {
                    Error(where, p.Name, ProgressFields.Contains(p.Name)
                        ? ImportTexts.ProgressNotImported(p.Name)
                        : ImportTexts.UnknownField(p.Name));
                }
            }
        }

        private static string[] KnownFields(FileSection section) => section switch
        {
            FileSection.Source => ["number", "date", "title"],
            FileSection.Units => ["code", "name"],
            FileSection.Members => ["code", "name", "title", "units", "role", "telegramUserId", "zaloUserId"],
            FileSection.Milestones => ["code", "name", "date"],
            _ => ["code", "title", "description", "section", "leadUnit", "supportUnits", "assignees", "due", "milestone", "note"],
        };

        /// <summary>A number where text is expected (a section 2.1, a Zalo id) is taken as written.</summary>
        private string? Text(JsonElement v, string where, string field) => v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => Invalid<string>(where, field, ImportTexts.MustBeText),
        };

        /// <summary>A list of codes; one string "UBND, CAP" is read as the list it obviously means.</summary>
        private List<string>? Texts(JsonElement v, string where, string field)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    return SplitCodes(v.GetString());
                case JsonValueKind.Array:
                    var list = new List<string>();
                    foreach (var item in v.EnumerateArray())
                    {
                        if (item.ValueKind is JsonValueKind.String or JsonValueKind.Number)
                        {
                            list.AddRange(SplitCodes(item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText()));
                        }
                        else if (item.ValueKind != JsonValueKind.Null)
                        {
                            return Invalid<List<string>>(where, field, ImportTexts.MustBeTextList);
                        }
                    }

                    return list;
                default:
                    return Invalid<List<string>>(where, field, ImportTexts.MustBeTextList);
            }
        }

        private long? UserId(JsonElement v, string where, string field)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.Null:
                    return null;
                case JsonValueKind.Number when v.TryGetInt64(out var n) && n > 0:
                    return n;
                case JsonValueKind.String when string.IsNullOrWhiteSpace(v.GetString()):
                    return null;
                case JsonValueKind.String when long.TryParse(v.GetString()!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0:
                    return s;
                default:
                    Error(where, field, ImportTexts.MustBePositiveNumber);
                    return null;
            }
        }

        private T? Invalid<T>(string where, string? field, string message)
            where T : class
        {
            Error(where, field, message);
            return null;
        }

        private void Error(string where, string? field, string message) =>
            errors.Add(new ImportError(fileName, where, field is null ? null : ImportTexts.Shown(field, 60), message) { Order = _order });
    }

    internal static List<string> SplitCodes(string? text) =>
        text is null
            ? []
            : [.. text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
