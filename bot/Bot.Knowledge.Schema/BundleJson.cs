using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Knowledge.Schema;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(KnowledgeBundle))]
public sealed partial class BundleJsonContext : JsonSerializerContext;

public static class BundleJson
{
    // Japanese and German text stays UTF-8 instead of \u escapes: a third smaller and faster to read.
    private static readonly BundleJsonContext Writer = new(new JsonSerializerOptions(BundleJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void Write(KnowledgeBundle bundle, Stream stream) =>
        JsonSerializer.Serialize(stream, bundle, Writer.KnowledgeBundle);

    public static KnowledgeBundle Read(Stream stream) =>
        JsonSerializer.Deserialize(stream, BundleJsonContext.Default.KnowledgeBundle) ?? new KnowledgeBundle();
}
