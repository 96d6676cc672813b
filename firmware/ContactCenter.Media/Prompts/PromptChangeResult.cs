namespace ContactCenter.Media.Prompts;

/// <summary>What <see cref="PromptCatalogue"/> did with a change, and why not when it refused.</summary>
/// <param name="Status">Done, or the reason for refusing.</param>
/// <param name="Reason">A sentence for the administrator: empty when done.</param>
public readonly record struct PromptChangeResult(PromptChangeStatus Status, string Reason)
{
    /// <summary>Whether the change was made.</summary>
    public bool Succeeded => Status == PromptChangeStatus.Done;

    internal static PromptChangeResult Done { get; } = new(PromptChangeStatus.Done, string.Empty);

    internal static PromptChangeResult UnknownKey(string? key) =>
        new(PromptChangeStatus.UnknownKey, $"'{key}' is not a prompt key");
}
