using System.Buffers;

namespace ContactCenter.Media.Prompts;

/// <summary>
/// The keys of the default prompts that features name in code (the English words in each summary). Numbers and
/// keypad keys are spoken through <see cref="NumberSpeaker"/>. Every key is in <c>Prompts/Default/*.txt</c>.
/// </summary>
public static class PromptKeys
{
    /// <summary>"Welcome, and thank you for calling."</summary>
    public const string GreetingWelcome = "greeting-welcome";

    /// <summary>"Thank you."</summary>
    public const string GreetingThankYou = "greeting-thank-you";

    /// <summary>"Thank you for calling. Goodbye."</summary>
    public const string GreetingGoodbye = "greeting-goodbye";

    /// <summary>"Our office is now closed. Please call back during our opening hours."</summary>
    public const string GreetingOfficeClosed = "greeting-office-closed";

    /// <summary>"Our office is closed today for a public holiday. Please call back on the next working day."</summary>
    public const string GreetingHoliday = "greeting-holiday";

    /// <summary>"For sales, press 1. For support, press 2. To reach the operator, press 0."</summary>
    public const string IvrMainMenu = "ivr-main-menu";

    /// <summary>"If you know the extension of the person you are calling, dial it now."</summary>
    public const string IvrEnterExtension = "ivr-enter-extension";

    /// <summary>"Sorry, that is not a valid choice."</summary>
    public const string IvrInvalidChoice = "ivr-invalid-choice";

    /// <summary>"Sorry, we did not receive your choice."</summary>
    public const string IvrNoInput = "ivr-no-input";

    /// <summary>"Please try again."</summary>
    public const string IvrTryAgain = "ivr-try-again";

    /// <summary>"Please hold while we transfer your call."</summary>
    public const string CallTransferring = "call-transferring";

    /// <summary>"Please hold."</summary>
    public const string CallPleaseHold = "call-please-hold";

    /// <summary>"The person you are calling is not available."</summary>
    public const string CallNotAvailable = "call-not-available";

    /// <summary>"The person you are calling is on another call."</summary>
    public const string CallBusy = "call-busy";

    /// <summary>"Sorry, this extension does not exist."</summary>
    public const string CallInvalidExtension = "call-invalid-extension";

    /// <summary>"Please enter your mailbox number, followed by the hash key."</summary>
    public const string VoicemailEnterMailbox = "vm-enter-mailbox";

    /// <summary>"Please enter your password, followed by the hash key."</summary>
    public const string VoicemailEnterPassword = "vm-enter-password";

    /// <summary>"Incorrect password."</summary>
    public const string VoicemailWrongPassword = "vm-wrong-password";

    /// <summary>"You have"</summary>
    public const string VoicemailYouHave = "vm-you-have";

    /// <summary>"new message"</summary>
    public const string VoicemailNewMessage = "vm-new-message";

    /// <summary>"new messages"</summary>
    public const string VoicemailNewMessages = "vm-new-messages";

    /// <summary>"saved message"</summary>
    public const string VoicemailSavedMessage = "vm-saved-message";

    /// <summary>"saved messages"</summary>
    public const string VoicemailSavedMessages = "vm-saved-messages";

    /// <summary>"You have no new messages."</summary>
    public const string VoicemailNoNewMessages = "vm-no-new-messages";

    /// <summary>"Message"</summary>
    public const string VoicemailMessage = "vm-message";

    /// <summary>"There are no more messages."</summary>
    public const string VoicemailNoMoreMessages = "vm-no-more-messages";

    /// <summary>"To listen to your messages, press 1. To record your greeting, press 2. To change your password, press 3. To exit, press star."</summary>
    public const string VoicemailMainMenu = "vm-main-menu";

    /// <summary>"To play this message again, press 1. To delete it, press 7. For the next message, press 9."</summary>
    public const string VoicemailMessageMenu = "vm-message-menu";

    /// <summary>"Please leave your message after the tone. When you have finished, hang up or press the hash key."</summary>
    public const string VoicemailRecordAfterTone = "vm-record-after-tone";

    /// <summary>"Your message has been saved."</summary>
    public const string VoicemailMessageSaved = "vm-message-saved";

    /// <summary>"Message deleted."</summary>
    public const string VoicemailMessageDeleted = "vm-message-deleted";

    /// <summary>"Sorry, this mailbox is full and cannot take any more messages."</summary>
    public const string VoicemailMailboxFull = "vm-mailbox-full";

    /// <summary>"Your password has been changed."</summary>
    public const string VoicemailPasswordChanged = "vm-password-changed";

    /// <summary>"Goodbye."</summary>
    public const string VoicemailGoodbye = "vm-goodbye";

    /// <summary>"You are caller number"</summary>
    public const string QueueYouAre = "queue-you-are";

    /// <summary>"in the queue."</summary>
    public const string QueueInQueue = "queue-in-queue";

    /// <summary>"Your estimated waiting time is"</summary>
    public const string QueueEstimatedWait = "queue-estimated-wait";

    /// <summary>"less than one minute."</summary>
    public const string QueueLessThanAMinute = "queue-less-than-a-minute";

    /// <summary>"All our agents are busy at the moment. Please stay on the line and your call will be answered shortly."</summary>
    public const string QueueAllAgentsBusy = "queue-all-agents-busy";

    /// <summary>"Thank you for holding."</summary>
    public const string QueueThankYouForHolding = "queue-thank-you-for-holding";

    /// <summary>"To leave a message instead of waiting, press 1."</summary>
    public const string QueueLeaveMessageOption = "queue-leave-message-option";

    /// <summary>"This is the echo test. Speak, and you will hear yourself. Hang up when you have finished."</summary>
    public const string TestEcho = "test-echo";

    /// <summary>"This is the prompt playback test. If you can hear this message clearly, sound from the system reaches you."</summary>
    public const string TestPlayback = "test-playback";

    /// <summary>"This is the keypad test. Press some keys, then the hash key, and they will be read back to you."</summary>
    public const string TestDtmf = "test-dtmf";

    /// <summary>"You pressed"</summary>
    public const string TestYouPressed = "test-you-pressed";

    /// <summary>"No key was pressed."</summary>
    public const string TestNoDigits = "test-no-digits";

    /// <summary>"minute"</summary>
    public const string UnitMinute = "unit-minute";

    /// <summary>"minutes"</summary>
    public const string UnitMinutes = "unit-minutes";

    /// <summary>"second"</summary>
    public const string UnitSecond = "unit-second";

    /// <summary>"seconds"</summary>
    public const string UnitSeconds = "unit-seconds";

    private static readonly SearchValues<char> KeyCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_.");

    /// <summary>
    /// Whether <paramref name="key"/> has the shape of a key: 1 to 64 of <c>a-z 0-9 - _ .</c>, starting with a letter or
    /// digit. Keys become file names, so this shape (no <c>/</c>, no leading dot) is what keeps them inside their folder.
    /// </summary>
    /// <param name="key">A candidate key, for example from a web form.</param>
    /// <returns>True when well formed; whether it is a known key is <see cref="DefaultPromptTexts.IsKnown"/>.</returns>
    public static bool IsWellFormed(string? key) =>
        key is { Length: > 0 and <= 64 } && (char.IsAsciiLetterLower(key[0]) || char.IsAsciiDigit(key[0]))
        && !key.AsSpan().ContainsAnyExcept(KeyCharacters);
}
