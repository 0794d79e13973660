using System.Buffers.Binary;
using System.IO.Compression;

namespace DoSon.Bot.FakeApis;

/// <summary>Hostile zips built in memory, small on disk: one that declares gigabytes, one whose
/// headers understate what it inflates to, one with thousands of parts, one compressed 1000:1.
/// Shared by the tests and the benchmark (part hostile-files), so both measure the same files.</summary>
public static class Bombs
{
    private const uint LocalHeader = 0x04034b50;
    private const uint CentralHeader = 0x02014b50;

    /// <summary>A real workbook whose first part's headers (local and central) claim
    /// <paramref name="declared"/> bytes uncompressed.</summary>
    public static byte[] Declaring(byte[] zip, uint declared) => Patched(zip, declared);

    /// <summary>A zip with one part of <paramref name="zeros"/> zero bytes whose headers claim 1,000 bytes.</summary>
    public static byte[] Lying(int zeros)
    {
        var bytes = Zip(("xl/worksheets/sheet1.xml", zeros));
        return Patched(bytes, 1000);
    }

    /// <summary>A zip of <paramref name="count"/> parts of a few bytes each.</summary>
    public static byte[] ManyParts(int count) =>
        Zip([.. Enumerable.Range(0, count).Select(i => ($"part{i}.xml", 10))]);

    /// <summary>A zip with one part of <paramref name="zeros"/> zero bytes, honestly declared.</summary>
    public static byte[] Zeros(int zeros) => Zip(("word/document.xml", zeros));

    private static byte[] Zip(params (string Name, int Zeros)[] parts)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var buffer = new byte[1 << 20];
            foreach (var (name, zeros) in parts)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var left = zeros; left > 0; left -= buffer.Length)
                {
                    entry.Write(buffer, 0, Math.Min(left, buffer.Length));
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Rewrites the uncompressed size of the first part in both of its headers.</summary>
    private static byte[] Patched(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes) != LocalHeader)
        {
            throw new InvalidOperationException("The zip does not start with a local file header.");
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), declared);
        for (var i = 0; i < bytes.Length - 4; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == CentralHeader)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
                return bytes;
            }
        }

        throw new InvalidOperationException("No central directory in the zip.");
    }
}
