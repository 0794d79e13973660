namespace DoSon.Bot.Domain;

/// <summary>The notice (Thông báo kết luận) a batch of tasks comes from.</summary>
public sealed record SourceNotice(string Number, DateOnly? Date, string Title);
