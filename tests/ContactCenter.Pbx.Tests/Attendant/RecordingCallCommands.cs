using ContactCenter.Pbx.Commands;

namespace ContactCenter.Pbx.Tests.Attendant;

/// <summary>An <see cref="ICallCommands"/> that records each command and answers <see cref="Result"/> (the real ones are the calls' tests).</summary>
internal sealed class RecordingCallCommands : ICallCommands
{
    public List<string> Commands { get; } = [];

    public CallCommandResult Result { get; set; } = CallCommandResult.Started;

    public ValueTask<CallCommandResult> PickUpAsync(string by, string ringing) => Record($"pickup {by} {ringing}");

    public ValueTask<CallCommandResult> BlindTransferAsync(string by, string target) => Record($"transfer {by} {target}");

    public ValueTask<CallCommandResult> ClickToCallAsync(string by, string target) => Record($"call {by} {target}");

    public ValueTask<CallCommandResult> ParkAsync(string by, string slot) => Record($"park {by} {slot}");

    public ValueTask<CallCommandResult> RetrieveAsync(string by, string slot) => Record($"retrieve {by} {slot}");

    private ValueTask<CallCommandResult> Record(string command)
    {
        Commands.Add(command);
        return ValueTask.FromResult(Result);
    }
}
