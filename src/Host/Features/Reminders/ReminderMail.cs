using System.Net.Mail;
using System.Text;

namespace GovReport.Host.Features.Reminders;

/// <summary>
/// One reminder as an e-mail through the configured relay (System.Net.Mail: no package for a
/// plain-text message). Subject and body are UTF-8, so the subject goes out as an RFC 2047
/// encoded word and Vietnamese survives any relay.
/// </summary>
internal static class ReminderMail
{
    public static async Task SendAsync(ReminderSmtpOptions smtp, IReadOnlyList<MailAddress> to, DeliverReminderEmail reminder, CancellationToken ct)
    {
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From!),
            Subject = ReminderText.InApp(reminder.Month, reminder.Kind, reminder.Deadline),
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            Body = ReminderText.For(reminder.Unit, reminder.Month, reminder.Kind, reminder.Deadline)
                   + $"\n\nBáo cáo: /bao-cao/{reminder.Unit}/{reminder.Month}",
            BodyEncoding = Encoding.UTF8,
        };
        foreach (var address in to) message.To.Add(address);
        using var client = new SmtpClient(smtp.Host!.Trim(), smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableSsl,
            Timeout = 30_000,
        };
        await client.SendMailAsync(message, ct);
    }
}
