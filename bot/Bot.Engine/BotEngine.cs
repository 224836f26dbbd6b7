using Bot.Engine.Commands;
using Bot.Engine.Contracts;
using Bot.Engine.Knowledge;
using Bot.Engine.Localization;
using Bot.Engine.Rendering;
using Bot.Engine.Routing;
using Bot.Engine.Triage;
using Bot.Engine.Understanding;

namespace Bot.Engine;

/// <summary>
/// The engine: one request in, one answer out. Slash commands go to the command table, pasted tool output and
/// error messages to the paste recognisers, everything else to free-text understanding. Never throws.
/// </summary>
public sealed class BotEngine
{
    private readonly EngineContext _ctx;
    private readonly PasteTriage _paste;
    private readonly int _maxInput;
    private readonly Diagnosis.LiveChecker? _liveChecker;

    /// <param name="liveChecker">Runs live DNS checks; without one, /dig answers that live checks are off.</param>
    public BotEngine(KnowledgeBase kb, EngineOptions options, Diagnosis.LiveChecker? liveChecker = null)
    {
        _liveChecker = liveChecker;
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(options);
        _ctx = new EngineContext(kb, new LinkBuilder(options.LinksBaseUrl));
        _paste = new PasteTriage(_ctx);
        _maxInput = options.MaxInputChars;
    }

    public KnowledgeBase Knowledge => _ctx.Kb;

    public LinkBuilder Links => _ctx.Links;

    public Answer Answer(ChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = InputNormalizer.Normalize(request.Text, _maxInput);
        var tokens = Tokenizer.Tokenize(input.Text);
        var locale = request.Locale ?? LocaleDetector.Detect(input.Text, tokens) ?? Locale.En;
        Answer answer;
        try
        {
            answer = Route(input.Text, tokens, locale);
        }
#pragma warning disable CA1031 // the user gets an answer, never an exception; the host logs the fault
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            LastFault = e;
            answer = _ctx.Answers.Error(UiKeys.ErrInternal, locale);
        }

        var notices = new List<string>();
        if (input.Truncated)
        {
            notices.Add(_ctx.Kb.Ui.Format(UiKeys.NoticeTruncated, locale, _maxInput));
        }

        if (input.HadControlCharacters)
        {
            notices.Add(_ctx.Kb.Ui[UiKeys.NoticeControl, locale]);
        }

        return notices.Count == 0 ? answer : answer with { Notices = notices };
    }

    /// <summary>
    /// Answers, running a live DNS check when the question asks for one and live checks are configured. Knowledge
    /// answers complete synchronously; a live check takes at most the configured deadline.
    /// </summary>
    public async Task<Answer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken = default)
    {
        var answer = Answer(request);
        if (answer.PendingCheck is not { } check || _liveChecker is null)
        {
            return answer;
        }

        try
        {
            var result = await _liveChecker.RunAsync(check, $"{request.Platform}:{request.UserId}", cancellationToken).ConfigureAwait(false);
            return _ctx.Answers.LiveCheck(check, result, answer.Locale) with { Notices = answer.Notices };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // the user gets an answer, never an exception; the host logs the fault
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            LastFault = e;
            return _ctx.Answers.Error(UiKeys.ErrInternal, answer.Locale) with { Intent = "dig" };
        }
    }

    /// <summary>How sure the paste recognisers are that <paramref name="text"/> is a paste they understand (no answer is built).</summary>
    public PasteConfidence RecognisePaste(string text)
    {
        var input = InputNormalizer.Normalize(text, _maxInput);
        try
        {
            return input.Text.Length == 0 ? PasteConfidence.None : _paste.Recognise(input.Text);
        }
#pragma warning disable CA1031 // a recogniser fault means "not recognised", never an exception for the adapter
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            LastFault = e;
            return PasteConfidence.None;
        }
    }

    /// <summary>An error answer with one of the knowledge base's messages (e.g. <see cref="UiKeys.DigTimeout"/>), for adapters.</summary>
    public Answer Error(string messageKey, Locale locale, params object[] args) => _ctx.Answers.Error(messageKey, locale, args);

    /// <summary>True when live checks will run (a checker is configured).</summary>
    public bool LiveChecksEnabled => _liveChecker is not null;

    /// <summary>The resolvers live checks compare (labels), for pickers such as Discord autocomplete.</summary>
    public IReadOnlyList<string> LiveCheckResolvers => _liveChecker?.Resolvers.Select(r => r.Label).ToList() ?? [];

    /// <summary>The last exception turned into an error answer, for the host's log (never shown to users).</summary>
    public Exception? LastFault { get; private set; }

    private Answer Route(string text, List<Token> tokens, Locale locale)
    {
        if (text.Length == 0)
        {
            return _ctx.Answers.Help(locale) with { Summary = _ctx.Kb.Ui[UiKeys.ErrEmpty, locale] };
        }

        if (text[0] == '/' && text.Length > 1 && char.IsAsciiLetter(text[1]))
        {
            var space = text.IndexOfAny([' ', '\t', '\n']);
            var name = space < 0 ? text[1..] : text[1..space];
            var args = space < 0 ? "" : text[(space + 1)..].Trim();
            if (CommandCatalog.Commands.TryGetValue(name, out var command))
            {
                return command.Run(_ctx, args, locale);
            }

            var close = CommandCatalog.Commands.Keys.Where(k => EditDistance.Within(name.ToLowerInvariant(), k, 2)).Select(k => ($"/{k}", $"/{k} {args}".Trim())).ToList();
            return _ctx.Answers.Unknown(text, close, locale) with { Intent = "error", Summary = _ctx.Kb.Ui.Format(UiKeys.ErrUnknownCommand, locale, name) };
        }

        return _paste.TryAnswer(text, tokens, locale) ?? FreeTextRouter.Answer(_ctx, text, tokens, locale);
    }
}
