using System.Text;
using System.Text.Json;

namespace LlmSpell.Providers.Recording;

/// <summary>
/// Appends every exchange to a JSON-lines file as it completes. Streamed responses are copied as the
/// client reads them, so recording does not hold a stream back.
/// </summary>
public sealed class RecordingHandler(string path) : DelegatingHandler
{
    private static readonly Lock FileGate = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = "";
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            requestBody = await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var original = response.Content;
        var source = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var copy = new TeeStream(source, bytes => Append(new RecordedExchange(
            request.Method.Method,
            request.RequestUri?.PathAndQuery ?? "",
            requestBody,
            (int)response.StatusCode,
            original.Headers.ContentType?.ToString(),
            Encoding.UTF8.GetString(bytes))));
        var content = new StreamContent(copy);
        foreach (var header in original.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }

    private void Append(RecordedExchange exchange)
    {
        var line = JsonSerializer.Serialize(exchange, RecordingJson.Options) + "\n";
        lock (FileGate)
        {
            File.AppendAllText(path, line);
        }
    }

    /// <summary>Passes reads through and hands the whole body over once, at its end or on disposal.</summary>
    private sealed class TeeStream(Stream inner, Action<byte[]> completed) : Stream
    {
        private readonly MemoryStream _copy = new();
        private bool _done;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Record(inner.Read(buffer, offset, count), buffer.AsSpan(offset));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Record(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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
                Complete();
                inner.Dispose();
                _copy.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Record(int read, ReadOnlySpan<byte> buffer)
        {
            if (read > 0)
            {
                _copy.Write(buffer[..read]);
            }
            else
            {
                Complete();
            }

            return read;
        }

        private void Complete()
        {
            if (!_done)
            {
                _done = true;
                completed(_copy.ToArray());
            }
        }
    }
}
