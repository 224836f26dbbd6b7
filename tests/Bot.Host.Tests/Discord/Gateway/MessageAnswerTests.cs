using System.Text.Json;
using Bot.TestSupport.Discord;

namespace Bot.Host.Tests.Discord.Gateway;

public sealed class MessageAnswerTests : IAsyncLifetime
{
    private GatewayHost _host = null!;
    private FakeGatewayConnection _gateway = null!;

    public async Task InitializeAsync()
    {
        _host = await GatewayHost.StartAsync();
        _gateway = await _host.ConnectedAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<JsonElement> ReplyToAsync(string id)
    {
        var request = await _host.RequestAsync(r => r.RepliesTo(id));
        request.Authorization.ShouldBe("Bot test-bot-token");
        return JsonDocument.Parse(request.Body).RootElement.Clone();
    }

    private async Task NotAnsweredAsync(string id, string reason)
    {
        (await _host.HandledAsync(id)).Message.ShouldContain(reason);
        _host.Api.Requests.ShouldNotContain(r => r.Body.Contains(id, StringComparison.Ordinal) || r.Path.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mention_IsAnswered_AsAReply_WithTheMentionStripped()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("820000000000000001", question: "/rcode 3"));

        var request = await _host.RequestAsync(r => r.RepliesTo("820000000000000001"));
        request.Path.ShouldBe($"/api/v10/channels/{GatewayHost.ChatChannel}/messages");
        var reply = JsonDocument.Parse(request.Body).RootElement;
        reply.GetProperty("message_reference").GetProperty("channel_id").GetString().ShouldBe(GatewayHost.ChatChannel);
        // "/rcode 3" is a command only when the mention before it is gone.
        reply.GetProperty("embeds")[0].GetProperty("title").GetString()!.ShouldContain("NXDOMAIN");
    }

    [Fact]
    public async Task NicknameMention_InTheContentOnly_IsAnsweredToo()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("820000000000000002", GatewayHost.ChatChannel, $"<@!{GatewayTestData.Bot}> /rcode 5"));

        (await ReplyToAsync("820000000000000002")).GetProperty("embeds")[0].GetProperty("title").GetString()!.ShouldContain("REFUSED");
    }

    [Fact]
    public async Task DirectMessage_IsAnswered()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("820000000000000003", "750000000000000001", "what does SERVFAIL mean?", dm: true));

        var reply = await ReplyToAsync("820000000000000003");
        reply.GetProperty("embeds")[0].GetRawText().ShouldContain("SERVFAIL");
    }

    [Theory]
    [InlineData("820000000000000004", GatewayTestData.DigServfail, "SERVFAIL")]
    [InlineData("820000000000000005", GatewayTestData.UnboundLog, "SERVFAIL")]
    public async Task TriageChannel_ConfidentPaste_IsAnswered(string id, string paste, string expected)
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message(id, GatewayHost.TriageChannel, paste));

        var reply = await ReplyToAsync(id);
        reply.GetProperty("embeds")[0].GetRawText().ShouldContain(expected);
        reply.GetProperty("message_reference").GetProperty("channel_id").GetString().ShouldBe(GatewayHost.TriageChannel);
    }

    [Fact]
    public async Task TriageChannel_Chatter_IsNotAnswered()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("820000000000000006", GatewayHost.TriageChannel, "anyone looking at the SERVFAIL alerts?"));

        await NotAnsweredAsync("820000000000000006", "not a paste");
    }

    [Fact]
    public async Task OtherChannel_Paste_IsNotAnswered()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("820000000000000007", GatewayHost.ChatChannel, GatewayTestData.DigServfail));

        await NotAnsweredAsync("820000000000000007", "not addressed to the bot");
    }

    [Fact]
    public async Task OwnMessage_IsNotAnswered()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("820000000000000008", GatewayHost.TriageChannel,
            $"<@{GatewayTestData.Bot}> {GatewayTestData.DigServfail}", authorId: GatewayTestData.Bot, bot: true, mentions: [GatewayTestData.Bot]));

        await NotAnsweredAsync("820000000000000008", "our own message");
    }

    [Fact]
    public async Task OtherBotsAndWebhooks_AreNotAnswered_EvenWhenTheyMentionUs()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("820000000000000009") .Replace("\"bot\":false", "\"bot\":true", StringComparison.Ordinal));
        await _gateway.DispatchAsync("MESSAGE_CREATE", FakeGateway.Message("820000000000000010", GatewayHost.TriageChannel, GatewayTestData.DigServfail, webhookId: "55"));

        await NotAnsweredAsync("820000000000000009", "a bot or webhook message");
        await NotAnsweredAsync("820000000000000010", "a bot or webhook message");
    }

    [Fact]
    public async Task EveryoneAndRoleMentions_InTheQuestion_NeverPing()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("820000000000000011", question: "@everyone @here <@&123456> <@42> why SERVFAIL?"));

        var reply = await ReplyToAsync("820000000000000011");
        reply.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength().ShouldBe(0);
        reply.GetProperty("allowed_mentions").GetProperty("replied_user").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task WithoutTheInteractionsEndpoint_RepliesHaveNoButtons()
    {
        await _gateway.DispatchAsync("MESSAGE_CREATE", GatewayTestData.Mention("820000000000000012", question: "/rcode 2"));

        (await ReplyToAsync("820000000000000012")).TryGetProperty("components", out _).ShouldBeFalse();
    }
}
