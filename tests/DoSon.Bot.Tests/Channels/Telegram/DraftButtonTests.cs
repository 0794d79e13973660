using DoSon.Bot.Channels.Telegram.Notices;
using DoSon.Bot.Commands;
using FluentAssertions;
using Telegram.Bot.Types;

namespace DoSon.Bot.Tests.Channels.Telegram;

public class DraftButtonTests
{
    [Fact]
    public void A_new_id_round_trips_within_64_bytes_and_is_not_a_task_button()
    {
        var id = DraftButton.NewId();
        var data = DraftButton.Encode(id);

        DraftButton.TryDecode(data, out var decoded).Should().BeTrue();
        decoded.Should().Be(id);
        System.Text.Encoding.UTF8.GetByteCount(data).Should().BeLessThanOrEqualTo(64);
        TaskButtons.TryDecode(data, out _).Should().BeFalse();
        DraftButton.IsDraftData(TaskButtons.Encode(TaskAction.Done, "T2603-21-01")).Should().BeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("n:imp:")]
    [InlineData("n:imp:abc")]
    [InlineData("n:imp:ABCDEFGHJK1")]
    [InlineData("n:imp:ABCDEFGHI0")]
    [InlineData("n:del:ABCDEFGHJK")]
    public void Malformed_data_is_refused_without_an_exception(string? data) =>
        DraftButton.TryDecode(data, out _).Should().BeFalse();

    [Theory]
    [InlineData("thong-bao.docx", null, "thong-bao.docx")]
    [InlineData("../../etc/passwd.txt", null, "passwd.txt")]
    [InlineData(@"C:\Users\vp\ban-nhap.xlsx", null, "ban-nhap.xlsx")]
    [InlineData(null, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "tep.docx")]
    [InlineData("Thông báo", "text/plain", "Thông báo.txt")]
    [InlineData("anh", "image/png", "anh")]
    public void A_sent_file_name_is_kept_without_any_folder_part(string? sent, string? mime, string expected) =>
        TelegramNoticeIntake.FileNameOf(new Document { FileId = "F", FileUniqueId = "U", FileName = sent, MimeType = mime }).Should().Be(expected);
}
