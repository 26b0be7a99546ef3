//! Runs any `paxos::check::Model` under Stateright's checker, so both engines can explore the
//! very same packed states. This separates what the engine contributes to the speed difference
//! from what the state encoding contributes.

use paxos::check::{Model, Property};

pub struct OnStateright<M>(pub M);

impl<M: Model> stateright::Model for OnStateright<M>
where
    M::State: std::fmt::Debug + std::hash::Hash,
{
    type State = M::State;
    type Action = M::Action;

    fn init_states(&self) -> Vec<M::State> {
        self.0.init_states()
    }

    fn actions(&self, state: &M::State, out: &mut Vec<M::Action>) {
        self.0.actions(state, out);
    }

    fn next_state(&self, state: &M::State, action: M::Action) -> Option<M::State> {
        self.0.next_state(state, &action)
    }

    fn properties(&self) -> Vec<stateright::Property<Self>> {
        vec![stateright::Property::always("property", |model, state| model.0.property(state) == Property::Holds)]
    }
}
