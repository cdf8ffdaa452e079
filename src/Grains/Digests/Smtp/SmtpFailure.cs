using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using TermSync.Digests;

namespace TermSync.Grains.Digests.Smtp;

/// <summary>A failed SMTP attempt: the status it leads to, whether another attempt may succeed, and the detail shown to vendors.</summary>
/// <param name="Expected">False for an exception type that delivery does not anticipate. Such a failure is logged with its stack trace.</param>
public sealed record SmtpFailure(DeliveryStatus Status, bool Retryable, string Detail, bool Expected = true)
{
    /// <summary>Sentence that ends the detail of a failure caused by the settings or the mail server, not by the customer's address.</summary>
    public const string ConfigurationProblem = "This is a problem of the SMTP settings or the mail server, not of the customer's address.";

    /// <summary>
    /// Classifies an exception of one attempt. A 5xx reply to the recipient or the message is a rejection.
    /// A 4xx reply, a refused or dropped connection, a timeout, a TLS or I/O error is transient and retried.
    /// Failed authentication, a 5xx reply to the sender or the session, and a missing server extension
    /// need a change of settings, so they fail at once without retrying.
    /// </summary>
    public static SmtpFailure From(Exception error, SmtpOptions options) => error switch
    {
        SmtpCommandException { StatusCode: var code } command when (int)code >= 500 => command.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted =>
                new(DeliveryStatus.Rejected, false, Reply(command)),
            SmtpErrorCode.SenderNotAccepted =>
                new(DeliveryStatus.Failed, false, $"The mail server rejected the sender {options.From}: {Reply(command).TrimEnd('.', ' ')}. Check Smtp:From and the account's sending rights. {ConfigurationProblem}"),
            _ =>
                new(DeliveryStatus.Failed, false, $"The mail server refused the session: {Reply(command).TrimEnd('.', ' ')}. {ConfigurationProblem}"),
        },
        SmtpCommandException command =>
            new(DeliveryStatus.Failed, true, Reply(command)),
        AuthenticationException =>
            new(DeliveryStatus.Failed, false, $"Authentication as '{options.Username}' at {options.Host}:{options.Port} failed: {Sentence(error)}. Check Smtp:Username and Smtp:Password. {ConfigurationProblem}"),
        ServiceNotAuthenticatedException =>
            new(DeliveryStatus.Failed, false, $"The mail server at {options.Host}:{options.Port} requires authentication: {Sentence(error)}. Set Smtp:Username and Smtp:Password. {ConfigurationProblem}"),
        NotSupportedException =>
            new(DeliveryStatus.Failed, false, $"{Sentence(error)}. Check Smtp:Security, Smtp:Port and Smtp:Username. {ConfigurationProblem}"),
        OperationCanceledException or TimeoutException =>
            new(DeliveryStatus.Failed, true, $"No answer from {options.Host}:{options.Port} within {options.Timeout.TotalSeconds:0.###} s."),
        SocketException or IOException or SslHandshakeException or SmtpProtocolException =>
            new(DeliveryStatus.Failed, true, $"{error.GetType().Name} with {options.Host}:{options.Port}: {error.Message}"),
        _ =>
            new(DeliveryStatus.Failed, false, $"Unexpected {error.GetType().Name} while sending: {error.Message}", Expected: false),
    };

    private static string Sentence(Exception error) => error.Message.TrimEnd('.', ' ');

    private static string Reply(SmtpCommandException command) => $"{(int)command.StatusCode} {command.Message}";
}
