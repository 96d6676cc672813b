using ContactCenter.Pbx.Attendant;
using ContactCenter.Pbx.Presence;
using ContactCenter.Sip.Events.Bodies;
using Xunit;

namespace ContactCenter.Pbx.Tests.Attendant;

public class AttendantLampsTests
{
    private static readonly AttendantSwitches Off = new("100", NightMode: false, QueueLoggedIn: false);

    private static PresenceSnapshot With(SipDialogInfoState? state = null, SipDialogDirection direction = SipDialogDirection.Recipient,
        bool dnd = false, bool away = false, ParkSlotState park = ParkSlotState.Free) =>
        PresenceSnapshot.Idle("101") with
        {
            Dialogs = state is { } s ? [new SipDialogInfoEntry { Id = "a", State = s, Direction = direction }] : [],
            DoNotDisturb = dnd,
            Away = away,
            Park = park,
        };

    public static TheoryData<PresenceSnapshot, AttendantLamp> BusyLamps => new()
    {
        { With(), AttendantLamp.Idle },
        { With(SipDialogInfoState.Early), AttendantLamp.Ringing },
        { With(SipDialogInfoState.Confirmed), AttendantLamp.Busy },
        { With(SipDialogInfoState.Early, SipDialogDirection.Initiator), AttendantLamp.Busy },
        { With(away: true), AttendantLamp.Away },
        { With(dnd: true), AttendantLamp.Away },
        { With(SipDialogInfoState.Confirmed, dnd: true), AttendantLamp.Busy },
    };

    [Theory]
    [MemberData(nameof(BusyLamps))]
    public void BusyLamp_FollowsTheWatchedExtension(PresenceSnapshot snapshot, AttendantLamp expected) =>
        Assert.Equal(expected, AttendantLamps.For(AttendantAction.BusyLamp("101"), _ => snapshot, Off));

    [Theory]
    [InlineData(ParkSlotState.Free, AttendantLamp.Idle)]
    [InlineData(ParkSlotState.Occupied, AttendantLamp.Parked)]
    [InlineData(ParkSlotState.Recalling, AttendantLamp.Recall)]
    public void ParkLamp_FollowsTheSlot(ParkSlotState state, AttendantLamp expected) =>
        Assert.Equal(expected, AttendantLamps.For(AttendantAction.Park("701"), _ => With(park: state), Off));

    [Fact]
    public void Toggles_FollowTheirSwitches_AndDoNotDisturbTheReceptionistsPresence()
    {
        var on = new AttendantSwitches("100", NightMode: true, QueueLoggedIn: true);
        PresenceSnapshot Dnd(string number) => PresenceSnapshot.Idle(number) with { DoNotDisturb = number == "100" };

        Assert.Equal(AttendantLamp.Active, AttendantLamps.For(AttendantAction.NightMode, Dnd, on));
        Assert.Equal(AttendantLamp.Active, AttendantLamps.For(AttendantAction.QueueLogin, Dnd, on));
        Assert.Equal(AttendantLamp.Active, AttendantLamps.For(AttendantAction.DoNotDisturb, Dnd, on));
        Assert.Equal(AttendantLamp.Idle, AttendantLamps.For(AttendantAction.NightMode, Dnd, Off));
        Assert.Equal(AttendantLamp.Idle, AttendantLamps.For(AttendantAction.DoNotDisturb, Dnd, Off with { Receptionist = null }));
        Assert.Equal(AttendantLamp.Idle, AttendantLamps.For(AttendantAction.SpeedDial("*43"), Dnd, on));
    }
}
