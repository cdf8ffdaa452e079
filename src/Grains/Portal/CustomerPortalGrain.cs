using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TermSync.Customers;
using TermSync.Grains.Digests;
using TermSync.Grains.Digests.Links;
using TermSync.Portal;

namespace TermSync.Grains.Portal;

public sealed partial class CustomerPortalGrain(
    [PersistentState("portal", StorageNames.Default)] IPersistentState<CustomerPortalState> state,
    IDigestDelivery delivery,
    DigestLinkSigner signer,
    [FromKeyedServices(GrainClock.Key)] TimeProvider time,
    ILogger<CustomerPortalGrain> logger) : Grain, ICustomerPortalGrain
{
    // Wrong addresses are counted in memory. A deactivation clears the count, which only shortens the lockout.
    private readonly Queue<DateTimeOffset> failures = new();

    private string CustomerId => this.GetPrimaryKeyString();

    public async Task<PortalConfirmation> ConfirmAsync(string email)
    {
        var now = time.GetUtcNow();
        while (failures.TryPeek(out var oldest) && now - oldest >= PortalRules.FailureWindow)
        {
            failures.Dequeue();
        }

        if (failures.Count >= PortalRules.MaxFailedConfirmations)
        {
            LogLockedOut(logger, CustomerId, failures.Count);
            return PortalConfirmation.TooManyAttempts;
        }

        if (await IsMemberAsync(email))
        {
            return PortalConfirmation.Confirmed;
        }

        failures.Enqueue(now);
        LogUnknownAddress(logger, CustomerId, failures.Count);
        return PortalConfirmation.Unknown;
    }

    public async Task<bool> IsMemberAsync(string email)
    {
        var normalized = PortalRules.Normalize(email);
        return state.State.Clerks.Exists(clerk => clerk.Email == normalized)
            || await DigestMailboxAsync() is { } mailbox && mailbox == normalized;
    }

    public async Task<string?> StartSessionAsync(string email)
    {
        var normalized = PortalRules.Normalize(email);
        if (!await IsMemberAsync(normalized))
        {
            return null;
        }

        if (!state.State.SessionStamps.TryGetValue(normalized, out var stamp))
        {
            stamp = NewStamp();
            state.State.SessionStamps[normalized] = stamp;
            await state.WriteStateAsync();
        }

        return stamp;
    }

    public async Task<bool> IsSessionValidAsync(string email, string stamp)
    {
        var normalized = PortalRules.Normalize(email);
        return state.State.SessionStamps.TryGetValue(normalized, out var current)
            && string.Equals(current, stamp, StringComparison.Ordinal)
            && await IsMemberAsync(normalized);
    }

    public async Task EndSessionsAsync(string email)
    {
        if (state.State.SessionStamps.Remove(PortalRules.Normalize(email)))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<PortalInvitation> InviteAsync(string email, string invitedBy)
    {
        if (!PortalRules.IsEmail(email))
        {
            throw new ArgumentException($"'{email}' is not an email address; give one address such as ap@example.com.", nameof(email));
        }

        var normalized = PortalRules.Normalize(email);
        var clerk = state.State.Clerks.Find(existing => existing.Email == normalized);
        if (clerk is null && await DigestMailboxAsync() != normalized)
        {
            if (state.State.Clerks.Count >= PortalRules.MaxClerks)
            {
                throw new ArgumentException(
                    $"The portal already has {PortalRules.MaxClerks} invited clerks, the most it keeps; remove one before inviting another.", nameof(email));
            }

            clerk = new PortalClerk(normalized, invitedBy, time.GetUtcNow());
            state.State.Clerks.Add(clerk);
            await state.WriteStateAsync();
            LogInvited(logger, CustomerId, state.State.Clerks.Count);
        }

        var member = clerk ?? new PortalClerk(normalized, null, null);
        var now = time.GetUtcNow();
        state.State.RecentInvitations.RemoveAll(sentAt => now - sentAt >= TimeSpan.FromDays(1));
        if (state.State.InvitationsSentAt.TryGetValue(normalized, out var lastSent) && now - lastSent < PortalRules.InvitationInterval
            || state.State.RecentInvitations.Count >= PortalRules.MaxInvitationsPerDay)
        {
            LogInvitationHeld(logger, CustomerId, state.State.RecentInvitations.Count);
            return new PortalInvitation(member, Sent: false);
        }

        state.State.InvitationsSentAt[normalized] = now;
        state.State.RecentInvitations.Add(now);
        await state.WriteStateAsync();
        var statement = await StatementAsync();
        var message = PortalMail.Invitation(CustomerId, statement.Name, normalized, invitedBy, PortalLink(), UnsubscribeLink());
        await DeliverAsync(message);
        return new PortalInvitation(member, Sent: true);
    }

    public async Task<bool> RemoveAsync(string email)
    {
        var normalized = PortalRules.Normalize(email);
        if (await DigestMailboxAsync() == normalized || state.State.Clerks.RemoveAll(clerk => clerk.Email == normalized) == 0)
        {
            return false;
        }

        // Without its stamp, a session the clerk kept does not come back when the clerk is invited again.
        state.State.SessionStamps.Remove(normalized);
        await state.WriteStateAsync();
        LogRemoved(logger, CustomerId, state.State.Clerks.Count);
        return true;
    }

    public async Task<IReadOnlyList<PortalClerk>> ListMembersAsync()
    {
        // A clerk invited before a vendor made the same address the digest mailbox is listed once, as the mailbox.
        var mailbox = await DigestMailboxAsync();
        return mailbox is null
            ? [.. state.State.Clerks]
            : [new PortalClerk(mailbox, null, null), .. state.State.Clerks.Where(clerk => clerk.Email != mailbox)];
    }

    public async Task<bool> SendFreshLinkAsync()
    {
        var now = time.GetUtcNow();
        if (state.State.FreshLinkSentAt is { } sentAt && now - sentAt < PortalRules.FreshLinkInterval)
        {
            return false;
        }

        if (await DigestMailboxAsync() is not { } mailbox)
        {
            return false;
        }

        state.State.FreshLinkSentAt = now;
        await state.WriteStateAsync();
        await DeliverAsync(PortalMail.FreshLink(CustomerId, mailbox, PortalLink(), UnsubscribeLink()));
        return true;
    }

    private static string NewStamp() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private async Task DeliverAsync(DigestMessage message)
    {
        var result = await delivery.DeliverAsync(message, CancellationToken.None);
        LogDelivered(logger, message.DigestId, CustomerId, result.Status, result.Attempts);
    }

    private async Task<string?> DigestMailboxAsync() =>
        (await StatementAsync()).Email is { Length: > 0 } email ? PortalRules.Normalize(email) : null;

    private Task<CustomerStatement> StatementAsync() =>
        GrainFactory.GetGrainCached<ICustomerGrain>(CustomerId).GetStatementAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

    private string PortalLink() =>
        signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Statement, CustomerId, null, null, signer.NewExpiry()));

    private string UnsubscribeLink() =>
        signer.CreateUrl(new DigestLinkClaims(DigestLinkPurpose.Unsubscribe, CustomerId, null, null, signer.NewExpiry()));

    [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "Portal confirmation for customer {CustomerId} gave an unknown address; {FailureCount} in the current window")]
    private static partial void LogUnknownAddress(ILogger logger, string customerId, int failureCount);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "Portal confirmation for customer {CustomerId} refused after {FailureCount} unknown addresses")]
    private static partial void LogLockedOut(ILogger logger, string customerId, int failureCount);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "Portal email {MessageId} for customer {CustomerId}: {Status} after {Attempts} attempts")]
    private static partial void LogDelivered(ILogger logger, string messageId, string customerId, TermSync.Digests.DeliveryStatus status, int attempts);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Portal clerk invited for customer {CustomerId}; {ClerkCount} invited clerks")]
    private static partial void LogInvited(ILogger logger, string customerId, int clerkCount);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Information, Message = "Portal invitation for customer {CustomerId} not sent: the address got one recently or {RecentCount} went out in 24 hours")]
    private static partial void LogInvitationHeld(ILogger logger, string customerId, int recentCount);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Information, Message = "Portal clerk removed for customer {CustomerId}; {ClerkCount} invited clerks")]
    private static partial void LogRemoved(ILogger logger, string customerId, int clerkCount);
}
