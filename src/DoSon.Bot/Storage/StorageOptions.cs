using System.ComponentModel.DataAnnotations;

namespace DoSon.Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are taken from the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DatabasePath phải là đường dẫn tệp cơ sở dữ liệu (ví dụ data/doson-bot.db).")]
    public string DatabasePath { get; set; } = "data/doson-bot.db";
}
