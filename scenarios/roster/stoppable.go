package roster

import (
	"context"
	"errors"
	"sync/atomic"

	"gonum.org/v1/gonum/mat"
)

// errLPStopped is the panic value that stops gonum's simplex.
var errLPStopped = errors.New("LP stopped")

// stoppable is a matrix whose reads panic with errLPStopped once stop is
// set. gonum's simplex cannot be cancelled, but it reads the entering
// column of A through At on every pivot, so wrapping A bounds its time
// (the panic is recovered in relax). It deliberately does not expose the
// raw *mat.Dense, which would let gonum bypass At.
type stoppable struct {
	a     *mat.Dense
	stop  atomic.Bool
	reads atomic.Int64
}

func (s *stoppable) Dims() (int, int) { return s.a.Dims() }
func (s *stoppable) T() mat.Matrix    { return mat.Transpose{Matrix: s} }
func (s *stoppable) At(i, j int) float64 {
	if s.stop.Load() {
		panic(errLPStopped)
	}
	return s.a.At(i, j)
}

// watch sets stop when ctx is done, until the returned function is called.
func (s *stoppable) watch(ctx context.Context) (release func()) {
	done := make(chan struct{})
	go func() {
		select {
		case <-ctx.Done():
			s.stop.Store(true)
		case <-done:
		}
	}()
	return func() { close(done) }
}
