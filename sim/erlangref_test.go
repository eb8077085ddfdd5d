package sim

// Reference queueing formulas for the validity tests, written from the
// textbooks rather than taken from the erlang package, so that the
// simulator and the closed forms are checked against each other
// independently.

import "math"

// erlangB is the Erlang B blocking probability for n servers and a erlangs,
// by the recurrence B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) (Gans, Koole
// & Mandelbaum 2003, §4.1), which stays finite where a^n/n! overflows.
func erlangB(n int, a float64) float64 {
	b := 1.0
	for k := 1; k <= n; k++ {
		b = a * b / (float64(k) + a*b)
	}
	return b
}

// erlangC is the M/M/n probability of waiting, C = n·B / (n − a·(1 − B)).
func erlangC(n int, a float64) float64 {
	b := erlangB(n, a)
	return float64(n) * b / (float64(n) - a*(1-b))
}

// mmn holds the M/M/n (Erlang C) measures for n agents, traffic a
// erlangs, mean handle time aht and SLA target t (seconds):
//
//	Pw = C(n, a), SL(t) = 1 − Pw·exp(−(n − a)·t/aht),
//	ASA = Pw·aht/(n − a), occupancy = a/n.
type mmn struct{ pw, sl, asa, occ float64 }

func erlangCMeasures(n int, a, aht, t float64) mmn {
	pw := erlangC(n, a)
	return mmn{
		pw:  pw,
		sl:  1 - pw*math.Exp(-(float64(n)-a)*t/aht),
		asa: pw * aht / (float64(n) - a),
		occ: a / float64(n),
	}
}

// mmnm holds the M/M/n+M (Erlang A) measures. SL uses the DESIGN
// definition: answered within t over all contacts (answered + abandoned).
type mmnm struct{ pw, pab, sl, asa, ata, occ float64 }

// erlangA computes the M/M/n+M measures for arrival rate lambda, service
// rate mu and abandonment rate theta (all per second), n agents and SLA
// target t seconds, from the birth–death process of Garnett, Mandelbaum &
// Reiman (2002), "Designing a call center with impatient customers",
// M&SOM 4(3), §3: states j = 0, 1, ... contacts in system, birth rate λ,
// death rate min(j, n)·μ + max(j − n, 0)·θ. Its stationary distribution
// is summed until the terms are negligible (they fall faster than
// geometrically once (j − n)·θ > λ).
//
// By PASTA an arrival sees the stationary state. An arrival that finds
// m = j − n ≥ 0 contacts waiting ahead of it moves up at rate nμ + kθ
// while k are ahead and abandons at rate θ, so (Mandelbaum & Zeltyn 2007,
// "Service engineering in action: the Palm/Erlang-A queue")
//
//	P(served | m)           = Π_{k=0..m} (nμ + kθ) / (nμ + (k+1)θ)
//	E[W·1{served} | m]      = P(served | m) · Σ_{k=0..m} 1/(nμ + (k+1)θ)
//
// and P(served within t | m) is the absorption probability of that
// pure-death chain by time t, computed by uniformization (Grassmann 1977).
// P(abandon) = θ·E[Lq]/λ; occupancy = (1 − P(abandon))·λ/(nμ).
func erlangA(n int, lambda, mu, theta, t float64) mmnm {
	// Unnormalised stationary probabilities p[j].
	p := []float64{1}
	for j := 1; ; j++ {
		death := float64(min(j, n))*mu + float64(max(j-n, 0))*theta
		next := p[j-1] * lambda / death
		p = append(p, next)
		if j > n && next < 1e-300 || (j > n+10 && next < 1e-17*p[n]) {
			break
		}
		if j > n && p[j] > 1e250 { // rescale to stay finite
			for i := range p {
				p[i] *= 1e-250
			}
		}
	}
	var sum float64
	for _, x := range p {
		sum += x
	}
	for i := range p {
		p[i] /= sum
	}
	M := len(p) - 1 - n // largest number waiting considered
	var r mmnm
	var lq float64
	for m := 0; m <= M; m++ {
		r.pw += p[n+m]
		lq += float64(m) * p[n+m]
	}
	r.pab = theta * lq / lambda
	// Served probability and wait of served arrivals seeing m waiting.
	nmu := float64(n) * mu
	var served, waitServed float64
	for j := 0; j < n; j++ {
		served += p[j]
	}
	ps, inv := 1.0, 0.0
	for m := 0; m <= M; m++ {
		ps *= (nmu + float64(m)*theta) / (nmu + float64(m+1)*theta)
		inv += 1 / (nmu + float64(m+1)*theta)
		served += p[n+m] * ps
		waitServed += p[n+m] * ps * inv
	}
	r.asa = waitServed / served
	if r.pab > 0 {
		// E[W] = E[Lq]/λ (Little); the abandoned share of it gives ATA.
		r.ata = (lq/lambda - waitServed) / r.pab
	}
	r.occ = (1 - r.pab) * lambda / nmu
	// Uniformization of the tagged contact's chain: state m (number
	// ahead), rates down nμ + mθ, to "abandoned" θ; absorbed in "served"
	// when it moves down from m = 0.
	rate := nmu + float64(M+1)*theta
	lt := rate * t
	v := make([]float64, M+1)   // P(served within k steps | m)
	acc := make([]float64, M+1) // Σ_k Poisson(k; lt)·v_k
	kmax := int(lt + 12*math.Sqrt(lt) + 30)
	logw := -lt // log Poisson(k; lt), from k = 0, which adds nothing (v_0 = 0)
	for k := 1; k <= kmax; k++ {
		nv := make([]float64, M+1)
		for m := 0; m <= M; m++ {
			down := (nmu + float64(m)*theta) / rate
			stay := 1 - down - theta/rate
			below := 1.0
			if m > 0 {
				below = v[m-1]
			}
			nv[m] = down*below + stay*v[m]
		}
		v = nv
		logw += math.Log(lt) - math.Log(float64(k))
		w := math.Exp(logw)
		for m := range acc {
			acc[m] += w * v[m]
		}
	}
	r.sl = 1 - r.pw
	for m := 0; m <= M; m++ {
		r.sl += p[n+m] * acc[m]
	}
	return r
}
