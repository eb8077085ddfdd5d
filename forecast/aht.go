package forecast

import "fmt"

// ahtShrink is the prior weight, in contacts, that pulls a thin key's AHT
// towards the AHT of its slot of day across weekdays, and that towards the
// overall AHT.
const ahtShrink = 10

// forecastAHT forecasts the mean handle time (seconds) of intervals n …
// n+h−1 from the weekday × slot profile of the last weeks of history
// (weeks ≤ 0: 8), leaving out holidays:
//
//	H̃(k) = ½H(k−1) + H(k) + ½H(k+1)   (total handle seconds, same day)
//	Ñ(k) = ½N(k−1) + N(k) + ½N(k+1)   (contacts with a handle time)
//	AHT(k) = (H̃(k) + c·AHT_slot) / (Ñ(k) + c),   c = 10 contacts
//
// where AHT_slot is the same estimate for the slot of day across weekdays,
// itself shrunk towards the overall AHT. Smoothing over neighbouring slots
// and shrinking thin cells keeps one long call from making a spike. It
// returns nil and a note when the window has no handle time.
func forecastAHT(in *Input, n, h, weeks int) ([]float64, string) {
	if weeks <= 0 {
		weeks = 8
	}
	s := in.Series
	lo := max(0, n-weeks*in.Period)
	H := make([]float64, in.Period)
	N := make([]float64, in.Period)
	for i := lo; i < n; i++ {
		if in.skip(i) {
			continue
		}
		H[in.Keys[i]] += s.HandleSeconds[i]
		N[in.Keys[i]] += s.Handled[i]
	}
	var totH, totN float64
	for k := range H {
		totH += H[k]
		totN += N[k]
	}
	if totN <= 0 {
		return nil, fmt.Sprintf("no handle times in the last %d weeks of history: aht_seconds is empty (give downstream commands --aht)", weeks)
	}
	overall := totH / totN
	spd := in.SlotsPerDay
	slotH := make([]float64, spd)
	slotN := make([]float64, spd)
	for k := range H {
		slotH[k%spd] += H[k]
		slotN[k%spd] += N[k]
	}
	slotAHT := make([]float64, spd)
	for j := range slotAHT {
		slotAHT[j] = (slotH[j] + ahtShrink*overall) / (slotN[j] + ahtShrink)
	}
	aht := make([]float64, in.Period)
	for k := range aht {
		hs, ns := H[k], N[k]
		if k%spd > 0 {
			hs += H[k-1] / 2
			ns += N[k-1] / 2
		}
		if k%spd < spd-1 {
			hs += H[k+1] / 2
			ns += N[k+1] / 2
		}
		aht[k] = (hs + ahtShrink*slotAHT[k%spd]) / (ns + ahtShrink)
	}
	out := make([]float64, h)
	for j := range out {
		out[j] = aht[in.Keys[n+j]]
	}
	return out, ""
}
