using DoSon.Bot.Tests.Fakes;
using FluentAssertions;

namespace DoSon.Bot.Tests.Commands;

/// <summary>Every wrong way to call a command gets the right usage back, and changes nothing.</summary>
public class CommandUsageTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/capnhat", "Cách dùng: /capnhat <mã nhiệm vụ> <phần trăm 0-100> [ghi chú]")]
    [InlineData("/capnhat T1", "Cách dùng: /capnhat")]
    [InlineData("/capnhat T1 abc", "«abc» không phải là phần trăm hợp lệ")]
    [InlineData("/capnhat T1 101", "«101» không phải là phần trăm hợp lệ")]
    [InlineData("/capnhat T1 -5", "«-5» không phải là phần trăm hợp lệ")]
    [InlineData("/capnhat T1 50.5", "«50.5» không phải là phần trăm hợp lệ")]
    [InlineData("/xong", "Cách dùng: /xong <mã nhiệm vụ> [ghi chú]")]
    [InlineData("/vuongmac", "Cách dùng: /vuongmac <mã nhiệm vụ> <nội dung vướng mắc>")]
    [InlineData("/vuongmac T1", "Hãy ghi rõ nội dung vướng mắc.")]
    [InlineData("/chitiet", "Cách dùng: /chitiet <mã nhiệm vụ>")]
    [InlineData("/chitiet T1 T2", "Cách dùng: /chitiet <mã nhiệm vụ>")]
    [InlineData("/sapden abc", "«abc» không phải là số ngày hợp lệ")]
    [InlineData("/sapden 0", "«0» không phải là số ngày hợp lệ")]
    [InlineData("/sapden 400", "«400» không phải là số ngày hợp lệ")]
    [InlineData("/sapden 3 4", "Cách dùng: /sapden")]
    [InlineData("/donvi UBND CAP", "Cách dùng: /donvi [mã đơn vị]")]
    [InlineData("/tongquan tất cả", "Cách dùng: /tongquan")]
    public async Task Wrong_usage_gets_the_usage_and_changes_nothing(string text, string expected)
    {
        var before = await _bot.Store.GetTasksAsync();

        var answer = await _bot.SayAsync(WardData.Admin, text);

        answer.Should().Contain(expected);
        (await _bot.Store.GetTasksAsync()).Should().BeEquivalentTo(before);
        (await _bot.Store.GetHistoryAsync("T1")).Should().HaveCount(1, "only the import entry is there");
    }

    [Theory]
    [InlineData("/capnhat KHONGCO 50")]
    [InlineData("/xong KHONGCO")]
    [InlineData("/vuongmac KHONGCO thiếu người")]
    [InlineData("/chitiet KHONGCO")]
    public async Task Unknown_task_codes_are_named_in_the_answer(string text)
    {
        var answer = await _bot.SayAsync(WardData.Admin, text);

        answer.Should().Contain("Không tìm thấy nhiệm vụ mã «KHONGCO»");
    }

    [Fact]
    public async Task Unknown_unit_code_is_named_in_the_answer()
    {
        var answer = await _bot.SayAsync(WardData.Admin, "/donvi XYZ");

        answer.Should().Contain("Không có đơn vị mã «XYZ»");
    }
}
