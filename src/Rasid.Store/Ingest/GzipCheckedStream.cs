using System.Buffers.Binary;
using System.IO.Compression;

namespace Rasid.Store.Ingest;

/// <summary>
/// A gzip file decompressed as a stream that can tell, at its end, whether the file was cut short. .NET's GZipStream
/// ends quietly on a truncated file; this compares the bytes produced with the size recorded in the gzip trailer
/// (ISIZE, the last four bytes, modulo 2^32). A multi-member file is checked against its last member only.
/// </summary>
internal sealed class GzipCheckedStream : Stream
{
    private readonly GZipStream _inner;
    private readonly uint _expectedSize;
    private readonly bool _hasTrailer;
    private long _produced;
    private bool _ended;

    public GzipCheckedStream(string path)
    {
        var file = File.OpenRead(path);
        if (file.Length >= 18)
        {
            Span<byte> trailer = stackalloc byte[4];
            file.Seek(-4, SeekOrigin.End);
            file.ReadExactly(trailer);
            _expectedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            _hasTrailer = true;
            file.Seek(0, SeekOrigin.Begin);
        }

        _inner = new GZipStream(file, CompressionMode.Decompress);
    }

    /// <summary>True once the end is reached and the output does not match the trailer (or there is no trailer).</summary>
    public bool IsTruncated => _ended && (!_hasTrailer || (uint)_produced != _expectedSize);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = _inner.Read(buffer);
        _produced += n;
        if (n == 0 && buffer.Length > 0)
        {
            _ended = true;
        }

        return n;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _produced; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
