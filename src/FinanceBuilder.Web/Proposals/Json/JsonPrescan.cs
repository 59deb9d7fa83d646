using System.Globalization;
using System.Text.Json;
using FinanceBuilder.Web.Localization;

namespace FinanceBuilder.Web.Proposals.Json;

/// A forward-only pass over the raw bytes before anything is materialised: checks that the text
/// is JSON, bounds depth, array lengths and string lengths, and names the path of the first
/// offence. This is what keeps a 100,000-element array from ever reaching the deserializer.
/// It allocates almost nothing: paths are only written out for an error.
public static class JsonPrescan
{
    /// No list in the model allows more (the largest, budget lines, allows 2,000; ModelLimitTests).
    public const int MaxArrayItems = 2_000;

    /// Longer than any text field (narratives allow 20,000 characters) with room for escapes.
    public const int MaxStringBytes = 200_000;

    /// No field of the model has a name longer than 40 characters.
    public const int MaxPropertyNameBytes = 100;

    public static ProposalInputError? Check(ReadOnlySpan<byte> json, CultureInfo culture)
    {
        if (System.Text.Unicode.Utf8.IsValid(json) is false)
            return ProposalInputError.Of(culture, "$", "NotUtf8");
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ProposalJson.MaxDepth + 1 });
        var path = new PathStack();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (reader.ValueSpan.Length > MaxPropertyNameBytes || (reader.ValueIsEscaped && !CanDecode(ref reader)))
                        {
                            path.SetProperty("…", 0, 0);
                            return ProposalInputError.Of(culture, path.ToString(json), "BadFieldName", path.ToString(json));
                        }
                        path.SetProperty(reader.ValueIsEscaped ? reader.GetString() : null, (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (path.Depth >= ProposalJson.MaxDepth)
                            return ProposalInputError.Of(culture, path.ToString(json), "TooDeep", path.ToString(json), ProposalJson.MaxDepth);
                        path.CountItem();
                        if (path.InArray && path.CurrentCount > MaxArrayItems)
                            return TooMany(path, json, culture);
                        path.Push(reader.TokenType == JsonTokenType.StartArray);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Pop();
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > MaxStringBytes)
                            return ProposalInputError.Of(culture, path.ToString(json), "TextTooLong", path.ToString(json), reader.ValueSpan.Length, MaxStringBytes);
                        if (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped && !CanDecode(ref reader))
                            return ProposalInputError.Of(culture, path.ToString(json), "InvalidText", path.ToString(json));
                        path.CountItem();
                        if (path.InArray && path.CurrentCount > MaxArrayItems)
                            return TooMany(path, json, culture);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var where = path.ToString(json);
            var detail = ex.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ', '|');
            return ProposalInputError.Of(culture, where, "InvalidJson", where, $"{detail} (line {ex.LineNumber + 1})");
        }
        return null;
    }

    /// An escape such as \uD800 (half of a surrogate pair) is valid JSON but not valid text.
    private static bool CanDecode(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ProposalInputError TooMany(PathStack path, ReadOnlySpan<byte> json, CultureInfo culture)
    {
        var arrayPath = path.ArrayPath(json);
        return ProposalInputError.Of(culture, arrayPath, "TooManyItems", arrayPath, $"> {MaxArrayItems:N0}", MaxArrayItems);
    }

    /// Tracks where the reader is as a JSON path ("$.budget.lines[4].amount").
    private sealed class PathStack
    {
        private readonly List<Frame> frames = [];

        public int Depth => frames.Count;
        public bool InArray => frames.Count > 0 && frames[^1].IsArray;
        public int CurrentCount => frames.Count > 0 ? frames[^1].Count : 0;

        public void Push(bool isArray) => frames.Add(new Frame { IsArray = isArray });

        public void Pop()
        {
            if (frames.Count > 0)
                frames.RemoveAt(frames.Count - 1);
        }

        /// Remembers where the name is in the input (decoded only if an error path needs it);
        /// a name written with escapes is decoded now, since rare.
        public void SetProperty(string? decoded, int start, int length)
        {
            if (frames.Count == 0)
                return;
            var frame = frames[^1];
            frame.Decoded = decoded;
            frame.NameStart = start;
            frame.NameLength = length;
        }

        public void CountItem()
        {
            if (frames.Count > 0 && frames[^1].IsArray)
                frames[^1].Count++;
        }

        public string ArrayPath(ReadOnlySpan<byte> json) => Render(json, includeLastIndex: false);

        public string ToString(ReadOnlySpan<byte> json) => Render(json, includeLastIndex: true);

        private string Render(ReadOnlySpan<byte> json, bool includeLastIndex)
        {
            var text = new System.Text.StringBuilder("$");
            var count = frames.Count;
            for (var i = 0; i < count; i++)
            {
                var frame = frames[i];
                if (frame.IsArray)
                {
                    if (frame.Count > 0 && (includeLastIndex || i < count - 1))
                        text.Append('[').Append((frame.Count - 1).ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else if (frame.NameLength > 0 || frame.Decoded is not null)
                {
                    text.Append('.').Append(frame.Decoded ?? System.Text.Encoding.UTF8.GetString(json.Slice(frame.NameStart, frame.NameLength)));
                }
            }
            return text.ToString();
        }

        private sealed class Frame
        {
            public bool IsArray;
            public int Count;
            public string? Decoded;
            public int NameStart;
            public int NameLength;
        }
    }
}
