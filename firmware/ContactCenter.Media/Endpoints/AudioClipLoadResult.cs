using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Endpoints;

/// <summary>The outcome of <see cref="AudioClipCache.LoadAsync"/>.</summary>
/// <param name="Status"><see cref="WavReadStatus.Ok"/>, or why the file cannot be played.</param>
/// <param name="Clip">The clip when <see cref="Status"/> is <see cref="WavReadStatus.Ok"/>, otherwise null.</param>
public readonly record struct AudioClipLoadResult(WavReadStatus Status, AudioClip? Clip);
