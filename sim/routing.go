package sim

// Routing classes beyond strict priority.
//
//   - Reserved agents (Shift.Reserved): a shift's agents take only the
//     queues it reserves them for, and a queue that some shift reserves is
//     left out of the default skills (Shift.Skills empty, "every queue") of
//     the others: only its reserved agents and shifts that list it in
//     Skills take it. A queue whose only agents are reserved for it alone
//     is an independent M/M/k sub-desk.
//   - Overflow threshold (Queue.OverflowAfter = T > 0): a contact of the
//     queue waits up to T for its primary agents — those of shifts whose
//     first skill (Skills[0], or Reserved[0]) is the queue — before any
//     other skilled agent may take it. An arriving contact goes to an idle
//     primary agent only; once the oldest waiting contact has waited T,
//     every skilled agent may take it. Within each agent's choice the
//     order stays priority, then oldest first.

// primaryOf returns the queue index of a shift's first skill, or -1.
func primaryOf(sh *Shift, index map[string]int32) int32 {
	first := ""
	switch {
	case len(sh.Reserved) > 0:
		first = sh.Reserved[0]
	case len(sh.Skills) > 0:
		first = sh.Skills[0]
	}
	if i, ok := index[first]; ok {
		return i
	}
	return -1
}

// idlePrimaryFor returns the longest-idle agent of queue qi's primary
// groups, or -1.
func (e *engine) idlePrimaryFor(qi int32) int32 {
	best := int32(-1)
	for _, g := range e.m.queues[qi].groups {
		if e.m.groups[g].primary != qi {
			continue
		}
		a := e.groups[g].head
		if a >= 0 && (best < 0 || e.agents[a].idleSeq < e.agents[best].idleSeq) {
			best = a
		}
	}
	return best
}

// onOverflow: contact id (generation gen) has waited its queue's
// threshold; if it still waits, every skilled idle agent may take the
// queue's oldest contacts now.
func (e *engine) onOverflow(id int32, gen uint32) {
	c := &e.contacts[id]
	if c.gen != gen {
		e.events-- // answered or gone already: a cancelled timer
		return
	}
	e.dispatch(c.queue)
}

// idleEligibleFor returns the longest-idle agent that may take queue qi's
// oldest waiting contact (eligible), or -1.
func (e *engine) idleEligibleFor(qi int32) int32 {
	id := e.peek(qi)
	if id < 0 {
		return -1
	}
	if arr := e.contacts[id].arrival; e.now-arr < e.m.queues[qi].overflow {
		return e.idlePrimaryFor(qi)
	}
	return e.idleAgentFor(qi)
}
