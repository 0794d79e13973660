using DoSon.Bot.Hosting;
using DoSon.Bot.Domain;

namespace DoSon.Bot.Import;

/// <summary>Every sentence of the import, export and template features, in one place, so that
/// someone who is not a programmer can read and correct it.</summary>
public static class ImportTexts
{
    // Where an error is.
    public const string WholeFile = "toàn tệp";

    public static string Sheet(string name) => $"trang «{name}»";

    public static string SheetRow(string name, int row) => $"trang «{name}», dòng {row}";

    public static string JsonLine(int line, int column) => $"dòng {line}, cột {column}";

    // Reading the file.
    public const string FileNotFound = "không tìm thấy tệp.";

    public static string UnsupportedExtension(string extension) =>
        $"chỉ nhập được tệp .json hoặc .xlsx (tệp này có đuôi «{extension}»).";

    public const string CannotRead = "không đọc được tệp (tệp đang mở ở chương trình khác, hoặc không có quyền đọc?).";

    public const string JsonSyntax =
        "tệp JSON sai cú pháp ở đây: kiểm tra dấu phẩy, dấu ngoặc { } [ ] và dấu nháy kép \" quanh chữ.";

    public const string JsonEmpty = "tệp JSON trống.";

    public const string JsonRootNotObject =
        "tệp JSON phải là một đối tượng { ... } gồm các mục «source», «units», «members», «milestones», «tasks».";

    public const string MustBeText = "phải là chữ, đặt trong dấu nháy kép.";

    public const string MustBeList = "phải là một danh sách [ ... ].";

    public const string MustBeObject = "phải là một đối tượng { ... }.";

    public const string MustBeTextList = "phải là danh sách mã, ví dụ [\"UBND\", \"CAP\"].";

    public const string MustBePositiveNumber = "phải là một số nguyên dương (mã người dùng Telegram).";

    public static string UnknownField(string name) =>
        $"trường «{Shown(name, 60)}» không có trong định dạng tệp (viết sai tên trường?).";

    public static string ProgressNotImported(string name) =>
        $"tệp giao việc không ghi «{Shown(name, 60)}»: tiến độ và trạng thái chỉ cập nhật qua bot, nhập lại tệp không làm mất chúng.";

    public const string WorkbookDamaged =
        "tệp Excel bị hỏng hoặc không phải tệp .xlsx (hãy mở bằng Excel rồi lưu lại dạng Excel Workbook .xlsx).";

    public const string NotAWorkbook =
        "tệp không phải là sổ tính Excel: bên trong không có trang tính nào (hãy lưu lại dạng Excel Workbook .xlsx).";

    public static string MissingSheet(string name) =>
        $"thiếu trang «{name}» (sổ cần đủ các trang Nguồn, Đơn vị, Thành viên, Mốc, Nhiệm vụ; có thể tạo sổ mẫu bằng lệnh: {ProgramName.Command("template <tệp.xlsx>")}).";

    public static string MissingColumn(string header) =>
        $"thiếu cột «{header}» ở dòng tiêu đề (dòng 1).";

    // Limits (section Import): hostile or mistaken files are refused before they are parsed.
    public static string FileTooLarge(long bytes, long max) =>
        $"tệp quá lớn ({Size(bytes)}); giới hạn là {Size(max)} (cài đặt Import:MaxFileBytes). Một tháng giao việc chỉ vài trăm KB: hãy kiểm tra lại có đúng tệp không.";

    public static string InflatesTooMuch(long max) =>
        $"quá lớn khi giải nén (hơn {Size(max)}, cài đặt Import:MaxUncompressedBytes): tệp Excel/Word thật chỉ vài MB, tệp này có thể bị làm hỏng hoặc cố ý gây hại nên không được đọc.";

    public static string TooManyParts(int count, int max) =>
        $"có {count} phần nén bên trong, nhiều hơn giới hạn {max} (cài đặt Import:MaxZipEntries): tệp Excel/Word thật chỉ có vài chục phần, tệp này không được đọc.";

    public static string CompressionRatio(string part, long ratio, int max) =>
        $"có phần «{Shown(part, 60)}» nén chặt bất thường ({ratio}:1, giới hạn {max}:1, cài đặt Import:MaxCompressionRatio): có thể là tệp cố ý gây hại nên không được đọc.";

    public static string TooManyRows(string sheet, int max) =>
        $"trang «{sheet}» có hơn {max} dòng (giới hạn Import:MaxRows = {max}); tệp không được đọc tiếp. Hãy chia thành nhiều tệp hoặc xoá các dòng thừa.";

    public static string TooManyItems(string list, int max) =>
        $"danh sách «{list}» có hơn {max} mục (giới hạn Import:MaxRows = {max}); tệp không được đọc tiếp.";

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / 1024d / 1024d).ToString("0.#", Vietnamese) + " MB",
        >= 1024 => (bytes / 1024d).ToString("0.#", Vietnamese) + " KB",
        _ => $"{bytes} byte",
    };

    private static readonly System.Globalization.CultureInfo Vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    public const string OneSourceRow = "trang «Nguồn» chỉ ghi một văn bản: một dòng dưới dòng tiêu đề.";

    // Checks.
    public const string Required = "bắt buộc, đang để trống.";

    public static string CodeHasSpace(string code) => $"mã «{code}» không được có dấu cách.";

    public static string ControlCharacter(char c, int position) =>
        $"có ký tự điều khiển {CodePoint(c)} ở vị trí {position} (thường do sao chép từ phần mềm khác): hãy xoá ký tự đó.";

    public static string BadCodeCharacter(string code, char c) =>
        $"mã «{Shown(code, 60)}» có ký tự «{(char.IsControl(c) || char.IsWhiteSpace(c) ? CodePoint(c) : c.ToString())}» không được dùng: mã chỉ gồm chữ không dấu A-Z, a-z, chữ số, dấu chấm, gạch ngang và gạch dưới (ví dụ UBND, CB-TDP8, T2603-21-01).";

    public static string TooLong(int length, int max) =>
        $"dài {length} ký tự, quá giới hạn {max} ký tự của trường này.";

    private static string CodePoint(char c) => $"U+{(int)c:X4}";

    /// <summary>A value as shown in a message: cut, so that a huge value cannot make a huge message.</summary>
    public static string Shown(string text, int max)
    {
        var cut = text.Length <= max ? text : text[..max] + "…";
        return string.Concat(cut.Select(c => char.IsControl(c) ? '\uFFFD' : c));
    }

    public static string DuplicateCode(string code, string firstWhere) => $"mã «{code}» bị trùng: đã có ở {firstWhere}.";

    public static string UnknownUnit(string code, string declaredIn) =>
        $"không có đơn vị mã «{code}»: chưa khai báo ở {declaredIn} và chưa có trong cơ sở dữ liệu.";

    public static string UnknownMember(string code, string declaredIn) =>
        $"không có thành viên mã «{code}»: chưa khai báo ở {declaredIn} và chưa có trong cơ sở dữ liệu.";

    public static string UnknownMilestone(string code, string declaredIn) =>
        $"không có mốc mã «{code}»: chưa khai báo ở {declaredIn} và chưa có trong cơ sở dữ liệu.";

    public static string NotADate(string text) => $"«{text}» không phải là ngày: ghi theo dạng dd/MM/yyyy, ví dụ 15/03/2026.";

    public static string NotADeadline(string text) =>
        $"«{text}» không phải là hạn: ghi dd/MM/yyyy hoặc dd/MM/yyyy HH:mm, ví dụ 15/03/2026 hoặc 15/03/2026 17:00.";

    public static string NoSuchMonth(string text, int month) => $"không có ngày {text}: không có tháng {month}.";

    public static string NoSuchDay(string text, int month, int year, int days) =>
        $"không có ngày {text}: tháng {month:00}/{year} chỉ có {days} ngày.";

    public static string NoSuchTime(string text) => $"giờ trong «{text}» không hợp lệ: ghi HH:mm từ 00:00 đến 23:59.";

    public static string BadRole(string text) =>
        $"vai trò «{text}» không hợp lệ: ghi «admin» (quản trị), «leader» (lãnh đạo) hoặc «member» (thành viên).";

    public static string TelegramTaken(long id, string otherMember) =>
        $"Mã tài khoản Telegram {id} đã gắn với thành viên {otherMember}; mỗi tài khoản chỉ gắn với một thành viên.";

    public static string ZaloTaken(string id, string otherMember) =>
        $"Mã tài khoản Zalo {id} đã gắn với thành viên {otherMember}; mỗi tài khoản chỉ gắn với một thành viên.";

    // Names of changed fields, shown in reports and in the task's history.
    public const string FieldName = "tên";
    public const string FieldMemberName = "họ tên";
    public const string FieldTitle = "chức danh";
    public const string FieldUnits = "đơn vị";
    public const string FieldRole = "vai trò";
    public const string FieldTelegram = "tài khoản Telegram";
    public const string FieldZalo = "tài khoản Zalo";
    public const string FieldDate = "ngày";
    public const string FieldTaskTitle = "tiêu đề";
    public const string FieldDescription = "nội dung";
    public const string FieldSection = "mục";
    public const string FieldLeadUnit = "đơn vị chủ trì";
    public const string FieldSupportUnits = "đơn vị phối hợp";
    public const string FieldAssignees = "người thực hiện";
    public const string FieldDue = "hạn";
    public const string FieldMilestone = "mốc";

    // Report of an import.
    public static string Source(string file, SourceNotice? source) => source is null
        ? $"Tệp {file} (không ghi văn bản nguồn)."
        : $"Tệp {file}: văn bản {source.Number}{(source.Date is { } d ? " ngày " + WardClock.Format(d) : "")} — {source.Title}";

    public const string DryRun = "Chạy thử (--dry-run): CHƯA ghi gì vào cơ sở dữ liệu. Nếu nhập thật thì:";

    public const string Applied = "Đã nhập vào cơ sở dữ liệu:";

    public const string NothingChanges = "Không có gì thay đổi: mọi nội dung của tệp đã có sẵn trong cơ sở dữ liệu.";

    public static string Counts(string kind, int created, int updated, int unchanged) =>
        $"  {kind}: {created} tạo mới, {updated} cập nhật, {unchanged} giữ nguyên.";

    public const string KindUnits = "Đơn vị";
    public const string KindMembers = "Thành viên";
    public const string KindMilestones = "Mốc";
    public const string KindTasks = "Nhiệm vụ";

    public const string Details = "Chi tiết:";

    public static string CreatedLine(string kind, string code, string name) => $"  + {kind} {code} — {name}: tạo mới";

    public static string UpdatedLine(string kind, string code, string name, IEnumerable<string> fields) =>
        $"  ~ {kind} {code} — {name}: cập nhật {string.Join(", ", fields)}";

    public static string ErrorsHeader(string file, int count) =>
        $"Tệp {file} có {count} lỗi; CHƯA ghi gì vào cơ sở dữ liệu. Sửa các lỗi sau rồi nhập lại:";

    // The history note ApplyImport writes is the store's; these are the command-line verbs.
    public const string ImportUsage =
        "import <tệp.json|tệp.xlsx> [--dry-run]  nhập giao việc từ tệp (--dry-run: chỉ xem trước, không ghi gì)";

    public const string ExportUsage =
        "export <tệp.json|tệp.xlsx> [--overwrite]  xuất dữ liệu giao việc hiện có ra tệp cùng định dạng nhập";

    public const string TemplateUsage =
        "template <tệp.xlsx> [--overwrite]  tạo sổ Excel trống có dòng tiêu đề và trang hướng dẫn";

    public static string Usage(string usage, string problem) => $"{problem}\nCách dùng: {ProgramName.Command(usage)}";

    public const string MissingPath = "Thiếu tên tệp.";

    public static string ExtraArgument(string argument) => $"Thừa tham số «{argument}».";

    public static string UnknownOption(string option) => $"Không hiểu tùy chọn «{option}».";

    public static string WrongExtension(string extension, string allowed) =>
        $"Tệp phải có đuôi {allowed} (tệp đã ghi có đuôi «{extension}»).";

    public static string AlreadyExists(string path) =>
        $"Tệp {path} đã có. Thêm --overwrite nếu muốn ghi đè.";

    public static string CannotWrite(string path) =>
        $"Không ghi được tệp {path}: thư mục có tồn tại và được phép ghi không? Tệp có đang mở ở chương trình khác không?";

    public static string Exported(string path, AssignmentFile file) =>
        $"Đã xuất ra {path}: {file.Units?.Count ?? 0} đơn vị, {file.Members?.Count ?? 0} thành viên, "
        + $"{file.Milestones?.Count ?? 0} mốc, {file.Tasks?.Count ?? 0} nhiệm vụ"
        + (file.Source is { } s ? $", văn bản nguồn {s.Number}." : ".")
        + "\nTiến độ và trạng thái không có trong tệp (chỉ cập nhật qua bot).";

    public static string TemplateWritten(string path) =>
        $"Đã tạo sổ mẫu {path}: các trang Hướng dẫn, Nguồn, Đơn vị, Thành viên, Mốc, Nhiệm vụ.\n"
        + $"Điền xong, xem trước bằng: {ProgramName.Command($"import {path} --dry-run")}";

    /// <summary>The instructions sheet of every workbook the program writes.</summary>
    public static IReadOnlyList<string[]> Instructions =>
    [
        ["HƯỚNG DẪN ĐIỀN SỔ GIAO VIỆC (DoSon.Bot)"],
        [""],
        ["Mỗi trang một loại thông tin; dòng 1 là dòng tiêu đề, không sửa tên cột. Mỗi dòng bên dưới là một mục."],
        ["Trang Nguồn: một dòng duy nhất — số hiệu, ngày, trích yếu của Thông báo kết luận."],
        ["Trang Đơn vị: mã (viết liền, không dấu cách, ví dụ UBND, CAP, CB-TDP8) và tên đơn vị."],
        ["Trang Thành viên: mã, họ tên, chức danh, các đơn vị (mã, cách nhau bởi dấu phẩy), vai trò admin / leader / member."],
        ["    Telegram user id, Zalo user id: để trống nếu chưa có; để trống thì giữ nguyên tài khoản đã liên kết trong bot."],
        ["Trang Mốc: mã, tên và ngày của các mốc thời gian trong tháng (ví dụ BAUCU — Ngày bầu cử — 15/03/2026)."],
        ["Trang Nhiệm vụ: mã (ví dụ T2603-21-01), tiêu đề ngắn, nội dung đầy đủ, mục (ví dụ 2.1), đơn vị chủ trì (mã),"],
        ["    đơn vị phối hợp và người thực hiện (mã, cách nhau bởi dấu phẩy), hạn dd/MM/yyyy hoặc dd/MM/yyyy HH:mm, mốc (mã)."],
        ["    Cột Ghi chú chỉ để người soạn đọc, không nhập vào bot."],
        [""],
        ["Mã đơn vị, thành viên, mốc được dùng ở trang khác phải có trong sổ này hoặc đã có trong bot."],
        ["Ngày ghi dạng dd/MM/yyyy (ví dụ 05/03/2026). Ô có thể để định dạng Văn bản (Text) để Excel không tự đổi."],
        ["Sổ không ghi tiến độ, trạng thái: nhập lại sổ đã sửa chỉ cập nhật các trường thay đổi, giữ nguyên tiến độ đã báo cáo."],
        [""],
        ["Ví dụ một dòng trang Nhiệm vụ:"],
        ["    T2603-21-04 | Triển khai các nội dung kiểm tra giám sát | (nội dung đầy đủ) | 2.1 | UBKT | CB-TDP8, CB-DOANKET | CN-UBKT | 15/03/2026 | BAUCU"],
        [""],
        ["Xem trước trước khi nhập: " + ProgramName.Command("import <tệp.xlsx> --dry-run")],
        ["Nếu có lỗi, chương trình liệt kê từng lỗi (trang, dòng, cột) và không ghi gì cả."],
    ];
}
