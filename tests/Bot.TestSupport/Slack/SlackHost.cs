using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Bot.Adapters.Slack;

namespace Bot.TestSupport.Slack;

/// <summary>
/// The bot host with Slack configured (a test signing secret, the fake's API and response_url host, one triage
/// channel), its fake Slack, and a client that signs requests as Slack does.
/// </summary>
public class SlackHost : PlatformHost
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string TriageChannel = "CTRIAGE01";
    public const string OtherChannel = "COTHER001";

    public FakeSlackApi Api { get; private set; } = null!;

    protected override async Task<IReadOnlyList<string>> StartFakeAsync()
    {
        Api = await FakeSlackApi.StartAsync();
        return
        [
            "--Slack:SigningSecret", SigningSecret,
            "--Slack:BotToken", "xoxb-test-token",
            "--Slack:BotUserId", FakeSlackApi.BotUserId,
            "--Slack:ApiBaseUrl", Api.ApiBaseUrl,
            "--Slack:ResponseUrlHosts:0", "127.0.0.1",
            "--Slack:TriageChannels:0", TriageChannel,
        ];
    }

    protected override ValueTask StopFakeAsync() => Api.DisposeAsync();

    /// <summary>Sends a signed request (or one with the given timestamp/signature, or a body changed after signing).</summary>
    public Task<HttpResponseMessage> SendAsync(string path, string body, string contentType, string? timestamp = null, string? signature = null,
        Func<byte[], byte[]>? tamper = null, IDictionary<string, string>? headers = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        timestamp ??= DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        signature ??= SlackSignature.Sign(Encoding.UTF8.GetBytes(SigningSecret), timestamp, bytes);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(tamper?.Invoke(bytes) ?? bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (timestamp.Length > 0)
        {
            request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        }

        if (signature.Length > 0)
        {
            request.Headers.Add("X-Slack-Signature", signature);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        return Client.SendAsync(request);
    }

    /// <summary>A slash command's form body.</summary>
    public static string CommandForm(string command, string text, string responseUrl, string channel = "CCMD00001", string user = "UUSER0001") =>
        Form(new()
        {
            ["token"] = "deprecated", ["team_id"] = "T0001", ["team_domain"] = "example", ["channel_id"] = channel, ["channel_name"] = "ops",
            ["user_id"] = user, ["user_name"] = "alice", ["command"] = command, ["text"] = text, ["response_url"] = responseUrl,
            ["trigger_id"] = "trig." + Guid.NewGuid().ToString("N"), ["api_app_id"] = "A0001",
        });

    public Task<HttpResponseMessage> CommandAsync(string command, string text, string responseUrl, string channel = "CCMD00001", string user = "UUSER0001") =>
        SendAsync("/slack/commands", CommandForm(command, text, responseUrl, channel, user), "application/x-www-form-urlencoded");

    /// <summary>Sends a command that must be answered 200 and returns the response JSON.</summary>
    public async Task<JsonElement> CommandJsonAsync(string command, string text, string? responseUrl = null, string user = "UUSER0001")
    {
        var response = await CommandAsync(command, text, responseUrl ?? Api.ResponseUrl("cmd-" + Guid.NewGuid().ToString("N")), user: user);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public Task<HttpResponseMessage> EventAsync(string json, int? retry = null) =>
        SendAsync("/slack/events", json, "application/json", headers: retry is null ? null : new Dictionary<string, string>
        {
            ["X-Slack-Retry-Num"] = retry.Value.ToString(CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = "http_timeout",
        });

    public Task<HttpResponseMessage> ActionAsync(string payloadJson) =>
        SendAsync("/slack/interactivity", Form(new() { ["payload"] = payloadJson }), "application/x-www-form-urlencoded");

    /// <summary>An event_callback envelope around a message-like event.</summary>
    public static string Event(string type, string channel, string text, string? channelType = "channel", string? user = "UUSER0001",
        string? eventId = null, string? ts = null, string? threadTs = null, string? subtype = null, string? botId = null, string? clientMsgId = null)
    {
        var inner = new Dictionary<string, object?>
        {
            ["type"] = type, ["channel"] = channel, ["text"] = text, ["user"] = user, ["channel_type"] = type == "app_mention" ? null : channelType,
            ["ts"] = ts ?? NewTs(), ["thread_ts"] = threadTs, ["subtype"] = subtype, ["bot_id"] = botId, ["client_msg_id"] = clientMsgId, ["event_ts"] = ts,
        };
        var envelope = new Dictionary<string, object?>
        {
            ["token"] = "deprecated", ["team_id"] = "T0001", ["api_app_id"] = "A0001", ["type"] = "event_callback",
            ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), ["event_time"] = 1700000000,
            ["event"] = inner.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value),
        };
        return JsonSerializer.Serialize(envelope);
    }

    /// <summary>A user id for one test, so what the bot remembers about a user (their language) does not leak between tests.</summary>
    public static string NewUser() => "U" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>A block_actions payload for one of our buttons (or select options, with <paramref name="selected"/>).</summary>
    public static string BlockAction(string actionId, string value, string responseUrl, bool selected = false, bool ephemeral = true)
    {
        object action = selected
            ? new { action_id = actionId, block_id = "b", type = "static_select", selected_option = new { text = new { type = "plain_text", text = "x" }, value }, action_ts = NewTs() }
            : new { action_id = actionId, block_id = "b", type = "button", value, action_ts = NewTs() };
        return JsonSerializer.Serialize(new
        {
            type = "block_actions",
            team = new { id = "T0001", domain = "example" },
            user = new { id = "UUSER0001", username = "alice" },
            api_app_id = "A0001",
            trigger_id = "trig." + Guid.NewGuid().ToString("N"),
            response_url = responseUrl,
            container = new { type = "message", is_ephemeral = ephemeral },
            channel = new { id = "CCMD00001" },
            actions = new[] { action },
        });
    }

    public static string NewTs() => $"1700000{Random.Shared.Next(100, 999)}.{Random.Shared.Next(100000, 999999)}";

    private static string Form(Dictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value).Replace("%20", "+", StringComparison.Ordinal)));
}
