using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using TermSync.Digests;

namespace TermSync.Grains.Digests.Smtp;

/// <summary>
/// Sends digests through the configured SMTP server with MailKit, one connection per delivery. A transient failure
/// is retried after <see cref="SmtpOptions.FirstRetryDelay"/>, doubled after each attempt, up to
/// <see cref="SmtpOptions.MaxAttempts"/>. A permanent reply to the recipient or the message is a rejection at once.
/// Every attempt of a digest carries the same Message-ID, so a receiver can drop a second copy.
/// </summary>
public sealed partial class SmtpDelivery(IOptions<SmtpOptions> options, TimeProvider time, ILogger<SmtpDelivery> logger) : IDigestDelivery
{
    /// <summary>Upper bound of one retry delay: 5 minutes, the response timeout of the digest grain call that waits for it.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    /// <summary>Delivers the digest. Returns Rejected without contacting the server when the customer has no valid address.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task<DeliveryResult> DeliverAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!DigestMail.TryParseAddress(message.To, out var recipient))
        {
            var detail = string.IsNullOrWhiteSpace(message.To)
                ? "The customer has no email address. A vendor must add a valid email address to the customer's account."
                : $"The customer's email address '{message.To}' is not valid. A vendor must add a valid email address to the customer's account.";
            LogNotDelivered(message.DigestId, DeliveryStatus.Rejected, 0, detail);
            return new DeliveryResult(DeliveryStatus.Rejected, 0, detail, null);
        }

        // SmtpOptionsValidator rejects such settings at startup. This check covers an instance built without it.
        if (settings.Host is not { Length: > 0 } host || !DigestMail.TryParseAddress(settings.From, out var from))
        {
            var detail = $"Smtp:Host '{settings.Host}' or Smtp:From '{settings.From}' is missing or invalid. {SmtpFailure.ConfigurationProblem}";
            LogNotDelivered(message.DigestId, DeliveryStatus.Failed, 0, detail);
            return new DeliveryResult(DeliveryStatus.Failed, 0, detail, null);
        }

        var sender = new MailboxAddress(settings.FromName, from.Address);
        var messageId = DigestMail.MessageId(message.DigestId, sender.Domain);
        var mail = DigestMail.Create(message, recipient, sender, messageId, time.GetUtcNow());
        for (var attempt = 1; ; attempt++)
        {
            SmtpFailure failure;
            try
            {
                var reply = await SendOnceAsync(message.DigestId, mail, host, settings, cancellationToken);
                LogDelivered(message.DigestId, messageId, attempt, reply);
                return new DeliveryResult(DeliveryStatus.Delivered, attempt, reply, messageId);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // The grain records every outcome, so only the caller's cancellation leaves this method as an exception.
                failure = SmtpFailure.From(error, settings);
                if (!failure.Expected)
                {
                    LogUnexpectedError(error, message.DigestId, attempt);
                }
            }

            if (!failure.Retryable || attempt >= settings.MaxAttempts)
            {
                LogNotDelivered(message.DigestId, failure.Status, attempt, failure.Detail);
                return new DeliveryResult(failure.Status, attempt, failure.Detail, null);
            }

            var delay = RetryDelay(settings.FirstRetryDelay, attempt);
            LogRetrying(message.DigestId, attempt, settings.MaxAttempts, delay, failure.Detail);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Returns the wait after the given failed attempt: the first delay doubled once per earlier attempt, at most <see cref="MaxRetryDelay"/>.</summary>
    public static TimeSpan RetryDelay(TimeSpan firstRetryDelay, int failedAttempt)
    {
        var ticks = firstRetryDelay.Ticks * Math.Pow(2, failedAttempt - 1);
        return ticks >= MaxRetryDelay.Ticks ? MaxRetryDelay : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>Sends the message over a new connection and returns the server's reply to it.</summary>
    private async Task<string> SendOnceAsync(string digestId, MimeMessage mail, string host, SmtpOptions settings, CancellationToken cancellationToken)
    {
        // The deadline covers the whole attempt, and MailKit's own timeout bounds each read and write within it.
        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var client = new SmtpClient { Timeout = (int)Math.Min(settings.Timeout.TotalMilliseconds, int.MaxValue) };

        await client.ConnectAsync(host, settings.Port, SocketOptions(settings.Security), attempt.Token);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, attempt.Token);
        }

        var reply = await client.SendAsync(mail, attempt.Token);

        // The server has accepted the message, so a failed QUIT must not lead to another attempt and a second copy.
        try
        {
            await client.DisconnectAsync(quit: true, attempt.Token);
        }
        catch (Exception error) when (error is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            LogDisconnectFailed(digestId, error.Message);
        }

        return reply;
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security mode."),
    };

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Delivery of digest {DigestId} failed on attempt {Attempt} of {MaxAttempts}, retrying in {RetryDelay}: {Error}")]
    private partial void LogRetrying(string digestId, int attempt, int maxAttempts, TimeSpan retryDelay, string error);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Digest {DigestId} accepted by the mail server as {MessageId} on attempt {Attempt}: {Reply}")]
    private partial void LogDelivered(string digestId, string messageId, int attempt, string reply);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Digest {DigestId} not delivered ({Status}) after {Attempts} attempts: {Detail}")]
    private partial void LogNotDelivered(string digestId, DeliveryStatus status, int attempts, string detail);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Delivery of digest {DigestId} failed on attempt {Attempt} with an unexpected error")]
    private partial void LogUnexpectedError(Exception error, string digestId, int attempt);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "QUIT failed after the mail server accepted digest {DigestId}: {Error}")]
    private partial void LogDisconnectFailed(string digestId, string error);
}
