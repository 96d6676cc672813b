using System.Collections.Concurrent;

namespace ContactCenter.Sip.Dialogs;

/// <summary>The dialogs this element takes part in, by id (RFC 3261 §12: Call-ID, local tag, remote tag). Thread-safe: the transaction user adds and removes, the stack loop looks up.</summary>
public sealed class SipDialogSet
{
    private readonly ConcurrentDictionary<SipDialogId, SipDialog> _dialogs = new();

    /// <summary>How many dialogs are known.</summary>
    public int Count => _dialogs.Count;

    /// <summary>Adds a dialog; false when one with that id exists.</summary>
    public bool Add(SipDialog dialog) => _dialogs.TryAdd(dialog.Id, dialog);

    /// <summary>Removes a dialog.</summary>
    public bool Remove(SipDialog dialog) => _dialogs.TryRemove(dialog.Id, out _);

    /// <summary>The dialog with that id, or null.</summary>
    public SipDialog? Find(SipDialogId id) => _dialogs.TryGetValue(id, out var dialog) ? dialog : null;

    /// <summary>True when an incoming request with these Call-ID, To tag (ours) and From tag (theirs) belongs to a known dialog.</summary>
    public bool Contains(string callId, string localTag, string remoteTag) => _dialogs.ContainsKey(new SipDialogId(callId, localTag, remoteTag));
}
