using Npgsql;

namespace DoSon.Bot.Storage.PostgreSql;

/// <summary>Writes many rows in few round trips: commands are gathered into an NpgsqlBatch (the same
/// SQL and named arguments as a single Dapper call, the arguments' public properties becoming
/// parameters) and sent <see cref="Size"/> at a time, inside the caller's transaction. An import of
/// 10,000 tasks thus makes some 40 round trips instead of 30,000.</summary>
internal sealed class RowBatch(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public const int Size = 500;

    private NpgsqlBatch _batch = new(connection, transaction);

    public async Task AddAsync(string sql, object args, CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var property in args.GetType().GetProperties())
        {
            command.Parameters.Add(new NpgsqlParameter(property.Name, property.GetValue(args) ?? DBNull.Value));
        }

        _batch.BatchCommands.Add(command);
        if (_batch.BatchCommands.Count >= Size)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_batch.BatchCommands.Count == 0)
        {
            return;
        }

        await _batch.ExecuteNonQueryAsync(cancellationToken);
        await _batch.DisposeAsync();
        _batch = new NpgsqlBatch(connection, transaction);
    }

    public ValueTask DisposeAsync() => _batch.DisposeAsync();
}
