namespace ContactCenter.Media.Quality;

/// <summary>
/// How a codec degrades speech in the E-model: its equipment impairment factor Ie and its packet-loss robustness
/// factor Bpl (ITU-T G.113 Appendix I, used by G.107).
/// </summary>
/// <param name="Name">A label for reports.</param>
/// <param name="EquipmentImpairment">Ie: the impairment of the codec without loss.</param>
/// <param name="PacketLossRobustness">Bpl: how well the decoder bears random loss (larger is more robust).</param>
public readonly record struct CodecImpairment(string Name, double EquipmentImpairment, double PacketLossRobustness)
{
    /// <summary>
    /// G.711 with packet loss concealment (G.711 Appendix I or alike): Ie 0, Bpl 25.1 (G.113 Appendix I). The default,
    /// because the desk phones and softphones the appliance serves conceal lost packets.
    /// </summary>
    public static CodecImpairment G711WithConcealment { get; } = new("G.711 with PLC", 0, 25.1);

    /// <summary>G.711 with lost packets played as silence: Ie 0, Bpl 4.3 (G.113 Appendix I).</summary>
    public static CodecImpairment G711WithoutConcealment { get; } = new("G.711 without PLC", 0, 4.3);

    /// <summary>
    /// G.722 rated on the narrowband scale as G.711 with concealment. A simplification: the wideband E-model
    /// (G.107.1) would score it on a 0–129 scale and credit the wider band, which a narrowband MOS cannot show; its
    /// concealment (G.722 Appendix III/IV) is taken as as robust as G.711's.
    /// </summary>
    public static CodecImpairment G722 { get; } = new("G.722 (rated as narrowband G.711 with PLC)", 0, 25.1);

    /// <summary>The impairment of the codec a static payload type names; G.711 with concealment for anything else.</summary>
    /// <param name="payloadType">The RTP payload type the stream carried.</param>
    /// <returns>The impairment figures.</returns>
    public static CodecImpairment ForPayloadType(int payloadType) => payloadType == 9 ? G722 : G711WithConcealment;
}
