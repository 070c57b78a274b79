using Kam.Core.Value.Models.Numerics;

namespace Kam.Core.Value.Models.ParetoNbd;

/// <summary>
/// The Pareto/NBD dropout integral in scaled form, J = ∫ from tₓ to T of (1 + τ/α)^−p (1 + τ/β)^−q dτ (p = r+x,
/// q = s+1), and the derivatives of ln J, by composite Gauss-Legendre quadrature in log space. It is the customer's
/// "dropped out between tₓ and T" term of the likelihood: s·α^−x·β^−1·J equals αʳβˢ · s/(r+s+x)·A₀ in Fader,
/// Hardie and Shang's note, whose two Gaussian hypergeometric functions are tail integrals, from tₓ and from T, of
/// (α+τ)^−p (β+τ)^−q.
/// </summary>
/// <remarks>
/// <para>
/// The power series of ₂F₁ needs about 1/(1 − z) terms, and z = |α − β|/(max(α, β) + y) tends to 1 when one scale
/// dwarfs the other and the ages (as when s, β → ∞, a homogeneous dropout rate). The quadrature's work does not grow
/// there: with c = min(α, β), m = max(α, β) and u = ln(c + τ), the integrand in u is exp φ(u) with
/// φ = (1 − p_c)·u − p_m·ln(m + τ) + constant (p_c, p_m the exponents of the c and m factors), which is concave in u.
/// So it has one maximum, which is found in closed form, and the panels are laid outward from it, each narrow enough
/// that φ changes by at most <see cref="FoldsPerPanel"/> over it, until φ has fallen by <see cref="Truncation"/>
/// below its maximum (beyond that point the concave tail adds less than e^−40 of the integral) or the interval ends.
/// At most <see cref="MaxPanels"/> panels of <see cref="Nodes"/> nodes are used.
/// </para>
/// <para>
/// The scaling by α^p β^q keeps the logarithms small: ln(1 + τ/β) is taken by log1p, so a large q with a larger β
/// (the boundary s, β → ∞) costs no precision, where q·ln(β + τ) − q·ln β would cancel. The derivatives
/// differentiate under the integral sign at the same nodes, so they cost no extra exponentials.
/// </para>
/// </remarks>
internal static class ParetoNbdDropoutIntegral
{
    /// <summary>The Gauss-Legendre nodes per panel.</summary>
    public const int Nodes = 16;

    /// <summary>The most panels in one integral (the work bound: <see cref="Nodes"/> × this integrand evaluations).</summary>
    public const int MaxPanels = 48;

    private const double FoldsPerPanel = 12.0;
    private const double MaxPanelWidth = 2.0;
    private const double Truncation = 40.0;

    private static readonly (double[] Nodes, double[] Weights) Rule = GaussLegendre(Nodes);

    /// <summary>
    /// ln J and the derivatives of ln J with respect to p, α, q and β, for positive finite p, α, q, β with p + q &gt; 1
    /// and 0 ≤ <paramref name="from"/> ≤ <paramref name="to"/>.
    /// </summary>
    /// <returns>ln J; −∞ when the interval is empty (the derivatives are then 0); NaN when not finite.</returns>
    public static double Log(double p, double alpha, double q, double beta, double from, double to, out double dP, out double dAlpha, out double dQ, out double dBeta)
    {
        dP = dAlpha = dQ = dBeta = 0.0;
        if (!(to > from))
        {
            return double.NegativeInfinity;
        }

        var alphaIsSmaller = alpha <= beta;
        var integrand = alphaIsSmaller ? new Integrand(p, q, alpha, beta, from) : new Integrand(q, p, beta, alpha, from);

        // v = ln(c + τ) − ln(c + tₓ) runs over [0, ln((c + T)/(c + tₓ))], the width taken from log1p so that a short
        // interval (tₓ close to T) keeps its relative precision.
        var span = SpecialFunctions.Log1P((to - from) / integrand.CFrom);
        if (!(span > 0))
        {
            // Too short relative to c + tₓ for its width in v to be a number: J = (T − tₓ) · integrand(tₓ).
            var sums1 = default(Sums);
            integrand.Add(ref sums1, 0, 1, 0);
            integrand.Assign(sums1, alphaIsSmaller, out dP, out dAlpha, out dQ, out dBeta);
            return Math.Log(to - from) + integrand.Phi(0);
        }

        // φ'(v) = (1 − p_c) − p_m·(c + τ)/(m + τ) falls from 1 − p_c; its root, if any, is where c + τ = κd/(1 − κ).
        var kappa = (1 - integrand.Pc) / integrand.Pm;
        var peak = kappa > 0 && integrand.D > 0 ? Math.Log(kappa * integrand.D / (1 - kappa)) - integrand.LogCFrom : double.NegativeInfinity;
        peak = Math.Clamp(peak, 0, span);
        var phiMax = integrand.Phi(peak);
        if (!double.IsFinite(phiMax))
        {
            return double.NaN;
        }

        var sums = default(Sums);

        // Rightward from the peak, then leftward; half the panels each way.
        for (var direction = 1; direction >= -1; direction -= 2)
        {
            var edge = peak;
            var end = direction > 0 ? span : 0;
            for (var panels = 0; edge != end; panels++)
            {
                var width = integrand.PanelWidth(edge, direction);

                // The last panel is stretched to reach the end, so the panel limit never cuts the interval short.
                if (panels == (MaxPanels / 2) - 1 || Math.Abs(end - edge) <= width * 1.5)
                {
                    width = Math.Abs(end - edge);
                }

                var next = direction > 0 ? Math.Min(edge + width, end) : Math.Max(edge - width, end);
                integrand.AddPanel(ref sums, Math.Min(edge, next), Math.Max(edge, next), phiMax);
                edge = next;
                if (integrand.Phi(edge) < phiMax - Truncation)
                {
                    break;
                }
            }
        }

        if (!(sums.Value > 0) || !double.IsFinite(sums.Value))
        {
            return double.NaN;
        }

        integrand.Assign(sums, alphaIsSmaller, out dP, out dAlpha, out dQ, out dBeta);

        // dτ = (c + τ) dv = (c + tₓ)·eᵛ dv; φ carries the eᵛ.
        return integrand.LogCFrom + phiMax + Math.Log(sums.Value);
    }

    /// <summary>The n-point Gauss-Legendre rule on [−1, 1], by Newton's iteration on the Legendre polynomial.</summary>
    private static (double[] Nodes, double[] Weights) GaussLegendre(int n)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (var i = 0; i < (n + 1) / 2; i++)
        {
            var x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative;
            for (var iteration = 0; ; iteration++)
            {
                double p1 = 1.0, p2 = 0.0;
                for (var j = 1; j <= n; j++)
                {
                    var p3 = p2;
                    p2 = p1;
                    p1 = ((((2 * j) - 1) * x * p2) - ((j - 1) * p3)) / j;
                }

                derivative = n * ((x * p1) - p2) / ((x * x) - 1);
                var step = p1 / derivative;
                x -= step;
                if (Math.Abs(step) <= 1e-16 || iteration == 100)
                {
                    break;
                }
            }

            nodes[i] = -x;
            nodes[n - 1 - i] = x;
            weights[i] = weights[n - 1 - i] = 2 / ((1 - (x * x)) * derivative * derivative);
        }

        return (nodes, weights);
    }

    /// <summary>
    /// The integrand in v = ln(c + τ) − ln(c + tₓ): exp φ(v) with
    /// φ = v − p_c·ln(1 + τ/c) − p_m·ln(1 + τ/m), the Jacobian's eᵛ included (its constant c + tₓ is not).
    /// </summary>
    /// <param name="pc">The exponent of the smaller scale's factor.</param>
    /// <param name="pm">The exponent of the larger scale's factor.</param>
    /// <param name="c">The smaller scale.</param>
    /// <param name="m">The larger scale.</param>
    /// <param name="from">tₓ, where v = 0.</param>
    private readonly struct Integrand(double pc, double pm, double c, double m, double from)
    {
        public double Pc => pc;

        public double Pm => pm;

        /// <summary>Gets m − c.</summary>
        public double D { get; } = m - c;

        /// <summary>Gets c + tₓ.</summary>
        public double CFrom { get; } = c + from;

        /// <summary>Gets ln(c + tₓ).</summary>
        public double LogCFrom { get; } = Math.Log(c + from);

        /// <summary>Gets ln(1 + tₓ/c), so that ln(1 + τ/c) = this + v exactly.</summary>
        private double LogCRatio { get; } = SpecialFunctions.Log1P(from / c);

        public double Phi(double v)
        {
            var tau = Tau(v);
            return v - (pc * (LogCRatio + v)) - (pm * SpecialFunctions.Log1P(tau / m));
        }

        /// <summary>
        /// The width of the next panel from <paramref name="edge"/> away from the peak (direction ±1): at most
        /// <see cref="MaxPanelWidth"/>, and narrow enough that φ changes by at most <see cref="FoldsPerPanel"/> over it.
        /// </summary>
        /// <remarks>
        /// Away from the peak |φ'| grows, and it is largest at the panel's far end, where the sigmoid
        /// σ = (c + τ)/(m + τ) in φ' = (1 − p_c) − p_m·σ has moved by at most a factor e^±width. So the change of φ
        /// over a panel of width w is at most w·S(w), with S(w) = |(1 − p_c) − p_m·min(1, σ(edge)·e^±w)| growing
        /// with w, and the width E/S(w) from a too wide w already satisfies w·S(w) ≤ E.
        /// </remarks>
        public double PanelWidth(double edge, int direction)
        {
            var cPlusTau = CFrom * Math.Exp(edge);
            var sigma = cPlusTau / (D + cPlusTau);
            var width = MaxPanelWidth;
            var change = width * Math.Abs((1 - pc) - (pm * Math.Min(1, sigma * Math.Exp(direction * width))));
            if (change > FoldsPerPanel)
            {
                width *= FoldsPerPanel / change;
            }

            return width;
        }

        /// <summary>Adds the Gauss-Legendre sums over [from, to] in v, scaled by exp(−φ_max).</summary>
        public void AddPanel(ref Sums sums, double from, double to, double phiMax)
        {
            var half = 0.5 * (to - from);
            var centre = 0.5 * (to + from);
            var (nodes, weights) = Rule;
            for (var i = 0; i < nodes.Length; i++)
            {
                Add(ref sums, centre + (half * nodes[i]), half * weights[i], phiMax);
            }
        }

        /// <summary>Adds one node at v with quadrature weight <paramref name="weight"/>.</summary>
        public void Add(ref Sums sums, double v, double weight, double phiMax)
        {
            var tau = Tau(v);
            var logC = LogCRatio + v;
            var logM = SpecialFunctions.Log1P(tau / m);
            var h = weight * Math.Exp(v - (pc * logC) - (pm * logM) - phiMax);
            sums.Value += h;
            sums.LogC += h * logC;
            sums.LogM += h * logM;
            sums.RatioC += h * tau / (c + tau);
            sums.RatioM += h * tau / (m + tau);
        }

        /// <summary>
        /// Maps the weighted sums to the derivatives of ln J: ∂/∂p_c = −E[ln(1 + τ/c)], and
        /// ∂/∂c = p_c·E[τ/(c(c + τ))] (the derivative of −p_c·ln(1 + τ/c)); likewise for m.
        /// </summary>
        public void Assign(Sums sums, bool alphaIsSmaller, out double dP, out double dAlpha, out double dQ, out double dBeta)
        {
            var inverse = 1 / sums.Value;
            double dPc = -sums.LogC * inverse, dPm = -sums.LogM * inverse;
            double dC = pc * sums.RatioC * inverse / c, dM = pm * sums.RatioM * inverse / m;
            (dP, dQ, dAlpha, dBeta) = alphaIsSmaller ? (dPc, dPm, dC, dM) : (dPm, dPc, dM, dC);
        }

        /// <summary>τ at v: c + τ = (c + tₓ)·eᵛ, so τ = tₓ + (c + tₓ)(eᵛ − 1).</summary>
        private double Tau(double v) => Math.Max(0, from + (CFrom * (Math.Exp(v) - 1)));
    }

    private struct Sums
    {
        public double Value;
        public double LogC;
        public double LogM;
        public double RatioC;
        public double RatioM;
    }
}
