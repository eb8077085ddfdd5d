package forecast

import "math"

// stl decomposes x into a seasonal component of period np and a trend by
// STL, the seasonal-trend decomposition by loess of Cleveland, Cleveland,
// McRae & Terpenning (1990, Journal of Official Statistics 6, 3–73), with
// the parameters R's stl() uses by default for s.window = ns (not robust:
// two passes of the inner loop, no outer loop):
//
//	seasonal loess: window ns (odd, ≥ 3), degree 0, jump ⌈ns/10⌉
//	trend loess:    window nt = nextodd(⌈1.5·np / (1 − 1.5/ns)⌉), degree 1,
//	                jump ⌈nt/10⌉
//	low-pass loess: window nl = nextodd(np), degree 1, jump ⌈nl/10⌉
//
// Each inner pass: the detrended series x − T is split into its np
// cycle-subseries, each smoothed by loess and extended one cycle at both
// ends (C, length n + 2np); the low-pass filter of C (moving averages of
// np, np and 3, then loess) is L; S = C − L over the n middle values; T is
// the loess of x − S. x needs at least two periods.
func stl(x []float64, np, ns int) (season, trend []float64) {
	n := len(x)
	ns = max(3, ns|1)
	nt := nextOdd(int(math.Ceil(1.5 * float64(np) / (1 - 1.5/float64(ns)))))
	nl := nextOdd(np)
	sjump, tjump, ljump := ceilDiv(ns, 10), ceilDiv(nt, 10), ceilDiv(nl, 10)
	season = make([]float64, n)
	trend = make([]float64, n)
	detr := make([]float64, n)
	c := make([]float64, n+2*np)
	ma1 := make([]float64, n+np+1)
	ma2 := make([]float64, n+2)
	ma3 := make([]float64, n)
	low := make([]float64, n)
	sub := make([]float64, n/np+1)
	subS := make([]float64, n/np+3)
	for range 2 {
		for i := range x {
			detr[i] = x[i] - trend[i]
		}
		// Cycle-subseries smoothing, extended by one cycle at both ends.
		for j := range np {
			k := (n - 1 - j) / np
			k++ // values j, j+np, … below n
			for i := range k {
				sub[i] = detr[i*np+j]
			}
			loess(sub[:k], ns, 0, sjump, subS[1:k+1])
			var ok bool
			if subS[0], ok = loessAt(sub[:k], ns, 0, -1, 0, min(ns, k)-1); !ok {
				subS[0] = subS[1]
			}
			if subS[k+1], ok = loessAt(sub[:k], ns, 0, float64(k), max(0, k-ns), k-1); !ok {
				subS[k+1] = subS[k]
			}
			for m := range k + 2 {
				c[m*np+j] = subS[m]
			}
		}
		// Low-pass filter of C.
		movingAverage(c, np, ma1)
		movingAverage(ma1, np, ma2)
		movingAverage(ma2, 3, ma3)
		loess(ma3, nl, 1, ljump, low)
		for i := range season {
			season[i] = c[np+i] - low[i]
			detr[i] = x[i] - season[i]
		}
		loess(detr, nt, 1, tjump, trend)
	}
	return season, trend
}

// nextOdd returns n when it is odd, else n+1.
func nextOdd(n int) int { return n | 1 }

// ceilDiv returns ⌈a/b⌉ for a, b > 0.
func ceilDiv(a, b int) int { return (a + b - 1) / b }

// movingAverage writes the len(x)−w+1 means of w consecutive values of x
// into out.
func movingAverage(x []float64, w int, out []float64) {
	s := 0.0
	for _, v := range x[:w] {
		s += v
	}
	out[0] = s / float64(w)
	for i := 1; i+w-1 < len(x); i++ {
		s += x[i+w-1] - x[i-1]
		out[i] = s / float64(w)
	}
}

// loess writes into ys the loess smooth of y (positions 0 … n−1) with a
// window of q points, local degree deg (0 or 1) and tricube weights,
// computed every jump points and linearly interpolated in between, as
// STL's stless does.
func loess(y []float64, q, deg, jump int, ys []float64) {
	n := len(y)
	if n < 2 {
		ys[0] = y[0]
		return
	}
	jump = min(jump, n-1)
	at := func(i, left, right int) {
		v, ok := loessAt(y, q, deg, float64(i), left, right)
		if !ok {
			v = y[i]
		}
		ys[i] = v
	}
	left, right := 0, n-1
	half := (q + 1) / 2
	for i := 0; i < n; i += jump {
		if q < n {
			switch {
			case i+1 < half:
				left, right = 0, q-1
			case i+1 >= n-half+1:
				left, right = n-q, n-1
			default:
				left, right = i+1-half, i+q-half
			}
		}
		at(i, left, right)
	}
	if jump == 1 {
		return
	}
	for i := 0; i+jump < n; i += jump {
		d := (ys[i+jump] - ys[i]) / float64(jump)
		for j := i + 1; j < i+jump; j++ {
			ys[j] = ys[i] + d*float64(j-i)
		}
	}
	k := ((n - 1) / jump) * jump
	if k != n-1 {
		at(n-1, left, right)
		d := (ys[n-1] - ys[k]) / float64(n-1-k)
		for j := k + 1; j < n-1; j++ {
			ys[j] = ys[k] + d*float64(j-k)
		}
	}
}

// loessAt is the loess estimate at position xs of y from the points left …
// right (a window of q points; wider than the series when q > len(y)):
// tricube weights w_j = (1 − (|j − xs|/h)³)³, h the distance to the
// farther end, and with deg 1 the local linear fit. It reports false when
// every weight is 0.
func loessAt(y []float64, q, deg int, xs float64, left, right int) (float64, bool) {
	n := len(y)
	h := max(xs-float64(left), float64(right)-xs)
	if q > n {
		h += float64((q - n) / 2)
	}
	h9, h1 := 0.999*h, 0.001*h
	var w [2048]float64 // windows longer than this fall back to the heap
	ws := w[:0]
	if right-left+1 > len(w) {
		ws = make([]float64, 0, right-left+1)
	}
	a := 0.0
	for j := left; j <= right; j++ {
		r := math.Abs(float64(j) - xs)
		wj := 0.0
		if r <= h9 {
			if r <= h1 {
				wj = 1
			} else {
				u := r / h
				u = 1 - u*u*u
				wj = u * u * u
			}
			a += wj
		}
		ws = append(ws, wj)
	}
	if a <= 0 {
		return 0, false
	}
	for i := range ws {
		ws[i] /= a
	}
	if h > 0 && deg > 0 {
		m := 0.0
		for i, wj := range ws {
			m += wj * float64(left+i)
		}
		b := xs - m
		c := 0.0
		for i, wj := range ws {
			d := float64(left+i) - m
			c += wj * d * d
		}
		if math.Sqrt(c) > 0.001*float64(n-1) {
			b /= c
			for i := range ws {
				ws[i] *= b*(float64(left+i)-m) + 1
			}
		}
	}
	v := 0.0
	for i, wj := range ws {
		v += wj * y[left+i]
	}
	return v, true
}
