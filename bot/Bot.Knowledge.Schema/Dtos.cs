namespace Bot.Knowledge.Schema;

// The shapes of the YAML files in knowledge/ (see knowledge/README.md). Mutable because YamlDotNet and System.Text.Json fill them;
// the loader turns them into the immutable model after validating every field.
#pragma warning disable CA1002, CA2227 // DTOs for deserialisation: lists with setters are the point

public sealed class TextDto
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Meaning { get; set; }
    public List<string>? When { get; set; }
    public List<string>? Fix { get; set; }
    public string? Wire { get; set; }
    public string? Body { get; set; }
    public List<string>? Symptoms { get; set; }
    public List<string>? Confirm { get; set; }
    public string? Cause { get; set; }
    public List<string>? Points { get; set; }
    public string? Tell { get; set; }
    public string? Explanation { get; set; }
    public string? Next { get; set; }
}

public sealed class EquivalentDto
{
    public string? Id { get; set; }
    public Dictionary<string, string>? Why { get; set; }
}

public sealed class MeaningDto
{
    public string? Key { get; set; }
    public string? Name { get; set; }
    public string? Wire { get; set; }
    public List<string>? Refs { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class EntryDto
{
    public string? Id { get; set; }
    public string? Value { get; set; }
    public List<string>? Names { get; set; }
    public List<string>? Aliases { get; set; }
    public string? Severity { get; set; }
    public string? Wire { get; set; }
    public List<string>? Refs { get; set; }
    public List<string>? Related { get; set; }
    public List<EquivalentDto>? Equivalents { get; set; }
    public List<string>? Guides { get; set; }
    public List<string>? Scenarios { get; set; }
    public List<MeaningDto>? Meanings { get; set; }
    public List<string>? Rcodes { get; set; }
    public bool Provisional { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class RangeDto
{
    public int From { get; set; }
    public int To { get; set; }
    public string? Kind { get; set; }
    public List<string>? Refs { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class FamilyFileDto
{
    public string? Family { get; set; }
    public List<EntryDto>? Entries { get; set; }
    public List<RangeDto>? Ranges { get; set; }
}

public sealed class GlossaryDto
{
    public string? Id { get; set; }
    public Dictionary<string, List<string>>? Terms { get; set; }
    public List<string>? Related { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class GlossaryFileDto
{
    public List<GlossaryDto>? Entries { get; set; }
}

public sealed class ComparisonDto
{
    public string? A { get; set; }
    public string? B { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class ComparisonFileDto
{
    public List<ComparisonDto>? Entries { get; set; }
}

public sealed class GuideDto
{
    public string? Id { get; set; }
    public List<string>? Related { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class GuideIndexDto
{
    public List<GuideDto>? Entries { get; set; }
}

public sealed class ScenarioDto
{
    public string? Id { get; set; }
    public List<string>? Codes { get; set; }
    public List<string>? Guides { get; set; }
    public Dictionary<string, List<string>>? Keywords { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class TriageDto
{
    public string? Id { get; set; }
    public string? Source { get; set; }
    public List<string>? Patterns { get; set; }
    public string? Implies { get; set; }
    public string? Severity { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class CauseDto
{
    public string? Id { get; set; }
    public string? Severity { get; set; }
    public List<string>? Codes { get; set; }
    public string? Scenario { get; set; }
    public List<string>? Guides { get; set; }
    public Dictionary<string, TextDto>? Text { get; set; }
}

public sealed class CauseFileDto
{
    public List<CauseDto>? Entries { get; set; }
}

public sealed class TriageFileDto
{
    public List<TriageDto>? Entries { get; set; }
}
#pragma warning restore CA1002, CA2227
