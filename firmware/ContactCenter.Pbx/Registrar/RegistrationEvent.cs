namespace ContactCenter.Pbx.Registrar;

/// <summary>A change of one binding, published on <see cref="IRegistrationView.Changes"/>.</summary>
/// <param name="Change">What happened.</param>
/// <param name="Binding">The binding (as it is now, or as it was when removed).</param>
public sealed record RegistrationEvent(RegistrationChange Change, RegistrationBinding Binding);
