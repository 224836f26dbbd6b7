using Bot.Knowledge.Schema;

// Usage: Bot.Knowledge.Compiler <knowledge folder> <bundle.json>
// YAML syntax errors are printed in the compiler-error format MSBuild shows (file(line,col): error ...) and fail
// the build; everything else (schema, languages, references) is validated by the engine's loader and its test.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Bot.Knowledge.Compiler <knowledge folder> <bundle.json>");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var bundle = YamlKnowledge.ParseDirectory(root);
var failed = false;
foreach (var file in bundle.Files.Where(f => f.Error is not null))
{
    failed = true;
    var at = file.ErrorAt?.Replace("line ", "", StringComparison.Ordinal).Replace(", column ", ",", StringComparison.Ordinal) ?? "1,1";
    Console.Error.WriteLine($"{Path.Combine(root, file.Path)}({at}): error KB001: {file.Error}");
}

if (failed)
{
    return 1;
}

using var buffer = new MemoryStream();
BundleJson.Write(bundle, buffer);
var bytes = buffer.ToArray();

// Write only when the content changed, so that an unchanged knowledge base does not rebuild the engine.
var output = Path.GetFullPath(args[1]);
if (!File.Exists(output) || !File.ReadAllBytes(output).AsSpan().SequenceEqual(bytes))
{
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    File.WriteAllBytes(output, bytes);
    Console.WriteLine($"knowledge bundle: {bundle.Files.Count} files, {bytes.Length} bytes -> {output}");
}

return 0;
