using Bot.Engine.Contracts;

namespace Bot.Adapters.Teams.Cards;

public sealed partial class TeamsCardRenderer
{
    /// <summary>The longest command a button carries (it is repeated in up to eight data objects).</summary>
    private const int CommandMax = 1000;

    /// <summary>Room for the "…" line a cut section gains, and for JSON overhead that is not text.</summary>
    private const int CutSlack = 100;

    /// <summary>What goes on the card; <see cref="Shrink"/> takes parts away until the card fits.</summary>
    private sealed class Plan
    {
        public required Answer Answer { get; init; }

        /// <summary>The command for the fix, language and refresh buttons; null when missing or too long.</summary>
        public required string? Command { get; init; }

        public required bool FocusFix { get; init; }

        /// <summary>The sections to show, each with its character budget.</summary>
        public required List<SectionPlan> Sections { get; init; }

        /// <summary>How many sections were left out.</summary>
        public int Omitted { get; set; }

        public int SummaryMax { get; set; } = TeamsCardRenderer.SummaryMax;

        public int Facts { get; set; }

        public int Notices { get; set; }

        public bool Compare { get; set; } = true;

        /// <summary>The actions behind "More actions".</summary>
        public bool Overflow { get; set; } = true;

        /// <summary>The fix, refresh and language buttons (they repeat the command).</summary>
        public bool CommandButtons { get; set; } = true;

        public static Plan For(Answer answer, string? command, bool focusFix)
        {
            var sections = answer.Sections.Where(s => s.Lines.Count > 0 && (!focusFix || s.Key == FixKey)).ToList();
            if (focusFix && sections.Count > 1)
            {
                sections.RemoveRange(1, sections.Count - 1);
            }

            var omitted = Math.Max(0, sections.Count - MaxSections);
            return new Plan
            {
                Answer = answer,
                Command = command is not null && command.Trim().Length > 0 && command.Length <= CommandMax ? command : null,
                FocusFix = focusFix,
                Sections = [.. sections.Take(MaxSections).Select(s => new SectionPlan(s, s.Kind == SectionKind.Code ? CodeMax : SectionMax))],
                Omitted = omitted,
                Facts = focusFix ? 0 : Math.Min(MaxFacts, answer.Facts.Count),
                Notices = focusFix ? 0 : Math.Min(MaxNotices, answer.Notices.Count(n => n.Trim().Length > 0)),
            };
        }

        /// <summary>Takes the next part away (or cuts it); false when nothing is left to take.</summary>
        /// <param name="over">How many bytes the card is over its budget.</param>
        public bool Shrink(int over)
        {
            // The last section that is not the fix: cut it when a useful part remains, else drop it.
            var last = Sections.FindLastIndex(s => !s.IsFix);
            if (last >= 0)
            {
                var section = Sections[last];
                var target = section.Shown - over - CutSlack;
                if (target >= MinSection)
                {
                    section.Max = target;
                }
                else
                {
                    Sections.RemoveAt(last);
                    Omitted++;
                }

                return true;
            }

            if (Notices > 0)
            {
                Notices--;
                return true;
            }

            if (Compare)
            {
                Compare = false;
                return true;
            }

            if (Overflow)
            {
                Overflow = false;
                return true;
            }

            if (Facts > 0)
            {
                Facts--;
                return true;
            }

            if (Sections.FirstOrDefault(s => s.IsFix) is { } fix && fix.Shown > MinSection)
            {
                fix.Max = Math.Max(MinSection, fix.Shown - over - CutSlack);
                return true;
            }

            var summary = Math.Min(SummaryMax, Answer.Summary.Length);
            if (summary > MinSummary)
            {
                SummaryMax = Math.Max(MinSummary, summary - over);
                return true;
            }

            if (CommandButtons)
            {
                CommandButtons = false;
                return true;
            }

            return false;
        }
    }

    /// <summary>A section and how many characters of its text may be shown.</summary>
    private sealed class SectionPlan(AnswerSection section, int max)
    {
        public AnswerSection Section { get; } = section;

        public int Max { get; set; } = max;

        public bool IsFix => Section.Key == FixKey;

        /// <summary>About how many characters are shown now (the budget, or less when the text is shorter).</summary>
        public int Shown => Math.Min(Max, Section.Kind == SectionKind.Code
            ? Section.Lines.Take(CodeMaxLines).Sum(l => Math.Min(l.Length, CodeLineMax) + 1)
            : Section.Lines.Sum(l => l.Length + 1));
    }
}
